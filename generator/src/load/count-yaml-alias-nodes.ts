import { isAlias, isMap, isNode, isPair, isSeq, type Document, type Node } from 'yaml';

/**
 * How many values YAML aliases add when the document is expanded: the size of the expanded tree
 * minus the size of the tree as written, counted on the syntax tree before anything is built.
 *
 * A real spec may use hundreds of anchors; what makes an alias dangerous is what it multiplies into
 * (billion laughs: nine levels of ten aliases each = 10⁹ values from 569 bytes). Counts stop growing
 * just past `limit`, so the arithmetic stays exact where it matters and bounded where it does not.
 * Iterative: the syntax tree may be as deep as the parser allowed.
 */
export function countYamlAliasNodes(options: { document: Document; limit: number }): number {
  const root = options.document.contents;
  if (root === null) return 0;
  const postOrder = walkInDocumentOrder(root);
  if (postOrder.aliasTargets.size === 0) return 0;
  const written = postOrder.nodes.filter((node) => !isAlias(node)).length;
  // Past this, the answer is "over the limit" whatever the exact figure.
  const cap = written + options.limit + 1;
  const sizes = new Map<Node, number>();
  for (const node of postOrder.nodes) {
    if (isAlias(node)) {
      // An alias to an anchor still being built (inside its own anchor) counts once; the cycle is
      // refused later when the built value is checked.
      const target = postOrder.aliasTargets.get(node);
      sizes.set(node, target === undefined ? 1 : (sizes.get(target) ?? 1));
      continue;
    }
    let size = 1;
    for (const child of childrenOf(node)) size = Math.min(cap, size + (sizes.get(child) ?? 1));
    sizes.set(node, size);
  }
  return Math.max(0, (sizes.get(root) ?? 0) - written);
}

interface PostOrderWalk {
  /** Every value node, children before their parent, in document order otherwise. */
  nodes: Node[];
  /** The anchored node each alias names: the last one with that anchor before the alias. */
  aliasTargets: Map<Node, Node>;
}

function walkInDocumentOrder(root: Node): PostOrderWalk {
  const nodes: Node[] = [];
  const aliasTargets = new Map<Node, Node>();
  const anchors = new Map<string, Node>();
  const stack: Array<{ node: Node; entered: boolean }> = [{ node: root, entered: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.entered) {
      nodes.push(top.node);
      continue;
    }
    const { node } = top;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target !== undefined) aliasTargets.set(node, target);
      nodes.push(node);
      continue;
    }
    if (typeof node.anchor === 'string' && node.anchor !== '') anchors.set(node.anchor, node);
    stack.push({ node, entered: true });
    const children = childrenOf(node);
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, entered: false });
  }
  return { nodes, aliasTargets };
}

/** The value children of a collection (map values, sequence items); keys are names, not data. */
function childrenOf(node: Node): Node[] {
  if (!isMap(node) && !isSeq(node)) return [];
  const children: Node[] = [];
  for (const item of node.items as unknown[]) {
    const child = isPair(item) ? item.value : item;
    if (isNode(child)) children.push(child);
  }
  return children;
}
