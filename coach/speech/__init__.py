"""Speech: voice choice (pure) and the child process that alone imports pyttsx3."""
