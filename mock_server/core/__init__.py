"""What every part of a mock instance shares: its clock and ids, its errors, its settings."""
