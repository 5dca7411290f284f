"""Input: stream raw records out of event files, then validate each into an Event or a rejection."""
