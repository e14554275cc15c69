// Policy: work in progress
