"""Figure geometry."""
