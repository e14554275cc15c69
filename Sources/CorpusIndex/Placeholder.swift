// CorpusIndex: work in progress
