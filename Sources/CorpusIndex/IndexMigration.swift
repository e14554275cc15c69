import Articles
import Foundation

/// Converts an index of an older format in place, so an archive indexed by an older copyscan
/// need not be read again. Runs in one transaction: a failed conversion leaves the old index.
enum IndexMigration {
    static func canMigrate(from version: Int) -> Bool { version == 1 }

    static func migrate(_ index: CorpusIndex, from version: Int) throws(IndexError) {
        guard version == 1 else {
            throw IndexError(path: index.path, .formatVersion(found: version, supported: CorpusIndex.formatVersion))
        }
        let db = index.db
        try db.transaction { () throws(IndexError) in
            // Version 1 kept one row per 16-bit prefix with the entry layout of 16-bit rows: it
            // becomes one segment, resized below.
            try db.execute(CorpusIndex.postingSchema)
            let postings = try index.scalar("SELECT COALESCE(SUM(length(entries)), 0) / 8 FROM buckets WHERE prefix BETWEEN 0 AND 65535")
            if postings > 0 {
                let segment = Segment(id: 1, bits: 16, postings: postings)
                try db.execute("""
                    CREATE TABLE \(segment.table)(row INTEGER PRIMARY KEY, entries BLOB NOT NULL);
                    INSERT INTO \(segment.table)(row, entries) SELECT prefix, entries FROM buckets WHERE prefix BETWEEN 0 AND 65535;
                    """)
                try index.insertSegment(segment)
            }
            try db.execute("DROP TABLE buckets")

            // JSON article records become binary ones, a slice of documents at a time.
            let select = try db.prepare("SELECT doc, meta FROM documents WHERE doc > ? ORDER BY doc LIMIT 1000")
            let update = try db.prepare("UPDATE documents SET meta = ? WHERE doc = ?")
            let decoder = JSONDecoder()
            var after: Int64 = -1
            while true {
                select.reset()
                select.bind(1, after)
                var records: [(Int64, [UInt8])] = []
                while try select.step() {
                    let doc = select.int(0)
                    guard let article = try? decoder.decode(Article.self, from: Data(select.blob(1))) else {
                        throw IndexError(path: index.path, .corrupt("document \(doc) has unreadable metadata; rebuild the index with `copyscan index --rebuild`"))
                    }
                    records.append((doc, ArticleRecord.encode(article)))
                    after = doc
                }
                select.reset()
                if records.isEmpty { break }
                for (doc, record) in records {
                    update.bind(1, record)
                    update.bind(2, doc)
                    try update.run()
                }
            }
            try index.setStoredDocumentCount(try index.scalar("SELECT COUNT(*) FROM documents"))
            try db.execute("UPDATE meta SET value = '\(CorpusIndex.formatVersion)' WHERE key = 'formatVersion'")
            if let segment = try index.segments().first, segment.bits != Segment.bits(forPostings: segment.postings) {
                try index.merge([segment])
            }
        }
    }
}
