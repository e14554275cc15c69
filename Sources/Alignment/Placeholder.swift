// Alignment: work in progress
