import CLibXML2
import Glibc

/// A borrowed view of one libxml2 node. Valid only while its `HTMLDocument` is alive.
struct HTMLNode: Hashable {
    let raw: xmlNodePtr

    init(_ raw: xmlNodePtr) { self.raw = raw }

    var isElement: Bool { raw.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { raw.pointee.type == XML_TEXT_NODE || raw.pointee.type == XML_CDATA_SECTION_NODE }

    /// Element name, lower case (libxml2's HTML parser lower-cases names); "" for other nodes.
    var tag: String {
        guard isElement, let name = raw.pointee.name else { return "" }
        return String(cString: name)
    }

    var firstChild: HTMLNode? { raw.pointee.children.map(HTMLNode.init) }
    var nextSibling: HTMLNode? { raw.pointee.next.map(HTMLNode.init) }
    var parent: HTMLNode? {
        guard let p = raw.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(p)
    }

    /// The first child element with this tag. A plain loop: Swift 6.3's optimiser crashes on
    /// `children.first(where:)` inlined into callers (release builds, CopyPropagation).
    func child(named tag: String) -> HTMLNode? {
        var node = firstChild
        while let n = node {
            if n.tag == tag { return n }
            node = n.nextSibling
        }
        return nil
    }

    /// The text of a text or CDATA node.
    var text: String? {
        guard isText, let content = raw.pointee.content else { return nil }
        return String(cString: content)
    }

    /// Calls `body` with the UTF-8 bytes of a text or CDATA node, without copying them.
    func withTextBytes(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard isText, let content = raw.pointee.content else { return }
        body(UnsafeBufferPointer(start: content, count: strlen(content)))
    }

    /// An attribute's value (names are lower case), entities already decoded by the parser.
    func attribute(_ name: String) -> String? {
        guard isElement else { return nil }
        var attr = raw.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, HTMLNode.equals(n, name) {
                var value = ""
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content { value += String(cString: content) }
                    child = c.pointee.next
                }
                return value
            }
            attr = a.pointee.next
        }
        return nil
    }

    private static func equals(_ c: UnsafePointer<xmlChar>, _ s: String) -> Bool {
        var i = 0
        for byte in s.utf8 {
            let b = c[i]
            guard b != 0, b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0) == byte else { return false }
            i += 1
        }
        return c[i] == 0
    }

    /// The concatenated text of all text nodes below, in document order, without skipping
    /// anything. Used for `<script>` and `<title>` contents.
    var rawText: String {
        var out = ""
        HTMLWalk.walk(self) { node in
            if let t = node.text { out += t }
            return .descend
        }
        return out
    }
}

/// Depth-first traversal without recursion: pages nest tens of thousands of levels deep.
enum HTMLWalk {
    enum Action { case descend, skipChildren }

    /// Visits `root` and everything below it in document order. `leave` is called for every
    /// entered node after its children (or right away when they were skipped).
    static func walk(_ root: HTMLNode, enter: (HTMLNode) -> Action, leave: (HTMLNode) -> Void = { _ in }) {
        var node = root
        var action = enter(root)
        while true {
            if action == .descend, let child = node.firstChild {
                node = child
                action = enter(child)
                continue
            }
            leave(node)
            while node != root {
                if let next = node.nextSibling {
                    node = next
                    action = enter(next)
                    break
                }
                guard let up = node.raw.pointee.parent.map(HTMLNode.init) else { return }
                node = up
                leave(node)
            }
            if node == root { return }
        }
    }
}
