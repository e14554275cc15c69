// Scanning: work in progress
