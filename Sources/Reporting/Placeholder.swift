// Reporting: work in progress
