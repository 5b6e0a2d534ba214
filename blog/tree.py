"""The category tree worked out in Python from one list of categories (no queries)."""

from collections import defaultdict


class CategoryTree:
    """Every category from one query, with parents and children worked out in Python.

    A site has tens of categories, not thousands, so one small query beats a query per
    level. Loops are guarded because a cycle saved by hand must not hang a page.
    """

    def __init__(self, categories):
        self.by_slug = {category.slug: category for category in categories}
        self.by_pk = {category.pk: category for category in categories}
        self.children = defaultdict(list)
        for category in categories:
            self.children[category.parent_id].append(category)

    def get(self, slug):
        return self.by_slug.get(slug)

    def ancestors(self, category):
        """From the top of the tree down to the category's parent."""
        found, parent_id = [], category.parent_id
        while parent_id is not None and parent_id in self.by_pk:
            parent = self.by_pk[parent_id]
            if parent in found or parent == category:
                break
            found.append(parent)
            parent_id = parent.parent_id
        return found[::-1]

    def descendant_ids(self, category):
        """The category's id and the ids of everything below it."""
        found, stack = [], [category.pk]
        while stack:
            pk = stack.pop()
            if pk in found:
                continue
            found.append(pk)
            stack.extend(child.pk for child in self.children.get(pk, []))
        return found

    def walk(self, parent_id=None, depth=0, seen=None):
        """(category, depth) for every category, each parent before its children."""
        seen = set() if seen is None else seen
        for category in self.children.get(parent_id, []):
            if category.pk in seen:
                continue
            seen.add(category.pk)
            yield category, depth
            yield from self.walk(category.pk, depth + 1, seen)

    def nodes(self, parent_id=None, seen=None):
        """Nested [{"category": ..., "children": [...]}] from the roots, for templates."""
        seen = set() if seen is None else seen
        result = []
        for category in self.children.get(parent_id, []):
            if category.pk in seen:
                continue
            seen.add(category.pk)
            result.append({"category": category, "children": self.nodes(category.pk, seen)})
        return result
