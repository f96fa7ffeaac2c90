// Where an agenda item goes when it is moved by a button, a key or a drop, as the
// {parent, position} of agenda.move: position counts the new siblings without the moved item.
// `items` is the snapshot's agenda: every item in display order with its parent.

export function childrenOf(items, parent) {
  return items.filter((item) => (item.parent ?? null) === (parent ?? null));
}

export function isInside(items, id, ancestor) {
  let item = items.find((i) => i.id === id);
  while (item && item.parent != null) {
    if (item.parent === ancestor) return true;
    item = items.find((i) => i.id === item.parent);
  }
  return false;
}

// zone: 'before' | 'after' | 'inside' the target. Null when the move is impossible or a no-op.
export function dropTarget(items, movedId, targetId, zone) {
  if (movedId === targetId || isInside(items, targetId, movedId)) return null;
  const moved = items.find((i) => i.id === movedId);
  const target = items.find((i) => i.id === targetId);
  if (!moved || !target) return null;
  let answer;
  if (zone === 'inside') {
    answer = { parent: target.id, position: childrenOf(items, target.id).filter((i) => i.id !== movedId).length };
  } else {
    const siblings = childrenOf(items, target.parent).filter((i) => i.id !== movedId);
    const index = siblings.findIndex((i) => i.id === targetId);
    answer = { parent: target.parent ?? null, position: index + (zone === 'after' ? 1 : 0) };
  }
  if ((answer.parent ?? null) === (moved.parent ?? null) && answer.position === moved.position) return null;
  return answer;
}

// The keyboard and button moves: 'up', 'down', 'indent' (under the previous sibling),
// 'outdent' (after its parent).
export function stepTarget(items, id, step) {
  const item = items.find((i) => i.id === id);
  if (!item) return null;
  const siblings = childrenOf(items, item.parent);
  const index = siblings.findIndex((i) => i.id === id);
  switch (step) {
    case 'up':
      return index > 0 ? { parent: item.parent ?? null, position: index - 1 } : null;
    case 'down':
      return index < siblings.length - 1 ? { parent: item.parent ?? null, position: index + 1 } : null;
    case 'indent': {
      if (index === 0) return null;
      const newParent = siblings[index - 1];
      if (newParent.kind === 'break') return null;
      return { parent: newParent.id, position: childrenOf(items, newParent.id).length };
    }
    case 'outdent': {
      if (item.parent == null) return null;
      const parent = items.find((i) => i.id === item.parent);
      const uncles = childrenOf(items, parent.parent);
      return { parent: parent.parent ?? null, position: uncles.findIndex((i) => i.id === parent.id) + 1 };
    }
    default:
      return null;
  }
}
