/// Finds the article container on pages without a known one, in the manner of Readability:
/// every run of prose scores points for the elements around it, and link-heavy elements lose
/// their score. The winner is the element that holds the most prose and the fewest links.
struct DensityScorer {
    private struct Stats {
        var characters = 0
        var linkCharacters = 0
        var directCharacters = 0
        var commas = 0
        var directCommas = 0
    }

    /// Prose shorter than this does not score.
    static let minimumRun = 25

    func bestCandidate(in root: HTMLNode) -> HTMLNode? {
        var stats: [HTMLNode: Stats] = [:]
        var stack: [(node: HTMLNode, stats: Stats)] = []
        var linkDepth = 0
        var order: [HTMLNode] = []
        var proseChecks = 0

        HTMLWalk.walk(root, enter: { node in
            if node.isText {
                guard !stack.isEmpty, let text = node.text else { return .skipChildren }
                var n = 0, commas = 0
                for s in text.unicodeScalars where !s.properties.isWhitespace {
                    n += 1
                    if s == "," || s == "，" || s == "、" { commas += 1 }
                }
                let top = stack.count - 1
                stack[top].stats.characters += n
                stack[top].stats.directCharacters += n
                stack[top].stats.commas += commas
                stack[top].stats.directCommas += commas
                if linkDepth > 0 { stack[top].stats.linkCharacters += n }
                return .skipChildren
            }
            guard node.isElement else { return .skipChildren }
            let tag = node.tag
            if HTMLVocabulary.invisibleTags.contains(tag) { return .skipChildren }
            if node != root, Self.isUnlikely(node, tag: tag, proseChecks: &proseChecks) { return .skipChildren }
            if tag == "a" { linkDepth += 1 }
            stack.append((node, Stats()))
            return .descend
        }, leave: { node in
            guard node.isElement, let last = stack.last, last.node == node else { return }
            stack.removeLast()
            if node.tag == "a" { linkDepth -= 1 }
            stats[node] = last.stats
            order.append(node)
            if !stack.isEmpty {
                let top = stack.count - 1
                stack[top].stats.characters += last.stats.characters
                stack[top].stats.linkCharacters += last.stats.linkCharacters
                stack[top].stats.commas += last.stats.commas
            }
        })

        var scores: [HTMLNode: Double] = [:]
        func addScore(_ node: HTMLNode, _ points: Double) {
            if scores[node] == nil { scores[node] = Self.initialScore(node) }
            scores[node, default: 0] += points
        }
        for node in order {
            guard let s = stats[node] else { continue }
            let tag = node.tag
            // A paragraph element scores for its parent; prose typed straight into a container
            // (text separated by <br>, common on Korean sites) scores for the container itself.
            let isParagraph = ["p", "pre", "td", "blockquote", "dd"].contains(tag)
            let runCharacters = isParagraph ? s.characters - s.linkCharacters : s.directCharacters
            guard runCharacters >= Self.minimumRun else { continue }
            let commas = isParagraph ? s.commas : s.directCommas
            let points = 1 + Double(commas) + min(Double(runCharacters) / 100, 3)
            var target: HTMLNode? = isParagraph ? node.parent : node
            var level = 0
            while let t = target, level < 3 {
                addScore(t, level == 0 ? points : points / Double(level * 2))
                target = t.parent
                level += 1
            }
        }

        var best: (node: HTMLNode, score: Double)?
        for (node, score) in scores {
            guard let s = stats[node], s.characters > 0 else { continue }
            let density = Double(s.linkCharacters) / Double(s.characters)
            let final = score * (1 - density)
            if best == nil || final > (best?.score ?? 0) { best = (node, final) }
        }
        return best?.node
    }

    private static func initialScore(_ node: HTMLNode) -> Double {
        var score: Double
        switch node.tag {
        case "div", "article", "section", "main": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        let words = HTMLVocabulary.words(of: node)
        if words.contains(where: HTMLVocabulary.contentWords.contains) { score += 25 }
        if words.contains(where: HTMLVocabulary.boilerplateWords.contains) { score -= 25 }
        return score
    }

    /// Page furniture that cannot hold the article: by tag, role or visibility; or by names,
    /// unless they also say "content" or the element holds plenty of prose.
    private static func isUnlikely(_ node: HTMLNode, tag: String, proseChecks: inout Int) -> Bool {
        guard tag != "body", tag != "html", tag != "main", tag != "article" else { return false }
        guard let kind = HTMLVocabulary.furniture(node, tag: tag) else { return false }
        if kind == .structural { return true }
        let words = HTMLVocabulary.words(of: node)
        if words.contains(where: { ["article", "body", "content", "main", "column"].contains($0) }) { return false }
        guard proseChecks < ParagraphCollector.proseCheckLimit else { return true }
        proseChecks += 1
        return !HTMLVocabulary.holdsProse(node)
    }
}
