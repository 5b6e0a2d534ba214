"""Import a generated WordPress export of 10,000 posts and 50,000 comments.

Reports the time, the peak resident memory during each import, and that memory does not
grow with the file: a 1,000-post export and a 10,000-post export are imported one after the
other and their peaks compared. Run with ``make bench BENCH_ARGS=wordpress_import``.
"""

import os
import tempfile
import threading
import time
from xml.sax.saxutils import escape

from blog.models import Post
from comments.models import Comment
from wordpress.importer import WordPressImporter

BIG_POSTS = 10_000
SMALL_POSTS = 1_000
COMMENTS_PER_POST = 5
# comment n of a post answers comment PARENTS[n] of the same post (0: top level)
PARENTS = [0, 1, 0, 2, 0]

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
 xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench network</title>
<link>https://bench.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example.org</wp:base_site_url>
<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>
"""

PARAGRAPH = (
    "Peer-led harm reduction services reach people that other services miss. "
    "Needle and syringe programmes, naloxone and opioid substitution treatment save lives, "
    "and they work best when people who use drugs run them."
)


def _cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def write_export(out, *, posts, first_id, comments_per_post=COMMENTS_PER_POST):
    """Write a WXR 1.2 export with `posts` posts (and their comments) to the text stream out."""
    out.write(HEAD)
    for a in range(1, 11):
        out.write(
            f"<wp:author><wp:author_id>{a}</wp:author_id>"
            f"<wp:author_login>{_cdata(f'writer{a}')}</wp:author_login>"
            f"<wp:author_email>writer{a}@bench.example.org</wp:author_email>"
            f"<wp:author_display_name>{_cdata(f'Writer Number {a}')}</wp:author_display_name>"
            "</wp:author>\n"
        )
    for c in range(1, 31):
        parent = f"region-{c - 1}" if c % 3 == 0 else ""
        out.write(
            f"<wp:category><wp:term_id>{c}</wp:term_id>"
            f"<wp:category_nicename>region-{c}</wp:category_nicename>"
            f"<wp:category_parent>{parent}</wp:category_parent>"
            f"<wp:cat_name>{_cdata(f'Region {c}')}</wp:cat_name></wp:category>\n"
        )
    for t in range(1, 201):
        out.write(
            f"<wp:tag><wp:term_id>{100 + t}</wp:term_id><wp:tag_slug>topic-{t}</wp:tag_slug>"
            f"<wp:tag_name>{_cdata(f'Topic {t}')}</wp:tag_name></wp:tag>\n"
        )
    comment_id = first_id * COMMENTS_PER_POST
    for n in range(posts):
        wp_id = first_id + n
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        year = 2005 + n // (28 * 12)
        date = f"{year}-{month:02d}-{day:02d} 10:{n % 60:02d}:00"
        slug = f"bench-post-{wp_id}"
        body = (
            f"{PARAGRAPH}\nA second line of the first paragraph.\n\n"
            f"{PARAGRAPH}\n\n<!--more-->\n\n"
            + (
                f'[caption id="attachment_1" align="alignright" width="300"]'
                f'<img src="https://bench.example.org/wp-content/uploads/2015/01/p{n}-300x200.jpg"'
                f' alt="" width="300" height="200" /> A photo from the outreach van[/caption]\n\n'
                if n % 10 == 0
                else ""
            )
            + "<ul>\n<li>Peer support</li>\n<li>Naloxone</li>\n</ul>\n\n"
            + f"{PARAGRAPH}\n\n" * 4
        )
        out.write(
            f"<item><title>{escape(f'Bench post {wp_id}')}</title>"
            f"<link>https://bench.example.org/{date[:4]}/{date[5:7]}/{date[8:10]}/{slug}/</link>"
            f"<dc:creator>{_cdata(f'writer{1 + n % 10}')}</dc:creator>"
            f'<guid isPermaLink="false">https://bench.example.org/?p={wp_id}</guid>'
            f"<content:encoded>{_cdata(body)}</content:encoded>"
            f"<excerpt:encoded>{_cdata('')}</excerpt:encoded>"
            f"<wp:post_id>{wp_id}</wp:post_id><wp:post_date>{date}</wp:post_date>"
            f"<wp:post_date_gmt>{date}</wp:post_date_gmt>"
            "<wp:comment_status>open</wp:comment_status>"
            f"<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>"
            "<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
            "<wp:is_sticky>0</wp:is_sticky>"
            f'<category domain="category" nicename="region-{1 + n % 30}">'
            f"{_cdata(f'Region {1 + n % 30}')}</category>"
            f'<category domain="post_tag" nicename="topic-{1 + n % 200}">'
            f"{_cdata(f'Topic {1 + n % 200}')}</category>"
            f'<category domain="post_tag" nicename="topic-{1 + (n * 7) % 200}">'
            f"{_cdata(f'Topic {1 + (n * 7) % 200}')}</category>\n"
        )
        base = comment_id
        for c in range(comments_per_post):
            comment_id += 1
            parent = base + PARENTS[c % len(PARENTS)] if PARENTS[c % len(PARENTS)] else 0
            out.write(
                f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
                f"<wp:comment_author>{_cdata(f'Reader {c}')}</wp:comment_author>"
                f"<wp:comment_author_email>reader{c}@example.net</wp:comment_author_email>"
                "<wp:comment_author_url></wp:comment_author_url>"
                "<wp:comment_author_IP>192.0.2.1</wp:comment_author_IP>"
                f"<wp:comment_date>{date}</wp:comment_date>"
                f"<wp:comment_date_gmt>{date}</wp:comment_date_gmt>"
                f"<wp:comment_content>{_cdata('Thank you for this. ' * 5)}</wp:comment_content>"
                "<wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type>"
                f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n"
            )
        out.write("</item>\n")
    out.write("</channel>\n</rss>\n")


class PeakRSS:
    """Sample this process's resident memory while a block runs; .peak is the highest seen."""

    def __init__(self, interval=0.05):
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()

    @staticmethod
    def current():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    def _sample(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.current())
            self._stop.wait(self.interval)

    def __enter__(self):
        self.peak = self.current()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current())


def _import(path):

    with PeakRSS() as rss:
        started = time.perf_counter()
        summary = WordPressImporter(path).run()
        seconds = time.perf_counter() - started
    return seconds, rss.peak, summary


def _mb(n):
    return f"{n / 1024 / 1024:.0f} MB"


def run():

    lines = [f"resident memory before the first import: {_mb(PeakRSS.current())}"]
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for label, posts, first_id in (("small", SMALL_POSTS, 1), ("big", BIG_POSTS, 100_000)):
            path = os.path.join(tmp, f"{label}.xml")
            with open(path, "w", encoding="utf-8") as f:
                write_export(f, posts=posts, first_id=first_id)
            size = os.path.getsize(path)
            seconds, peak, summary = _import(path)
            results[label] = (seconds, peak, size)
            counts = summary.counts
            lines.append(
                f"{posts:,} posts, {posts * COMMENTS_PER_POST:,} comments ({_mb(size)} file): "
                f"{seconds:.1f} s, peak RSS {_mb(peak)}; created {counts['posts'].created:,} "
                f"posts and {counts['comments'].created:,} comments"
            )
        seconds, peak, summary = _import(os.path.join(tmp, "big.xml"))
        counts = summary.counts
        lines.append(
            f"re-import of the {BIG_POSTS:,}-post file: {seconds:.1f} s, peak RSS {_mb(peak)}; "
            f"created {counts['posts'].created + counts['comments'].created}, updated "
            f"{counts['posts'].updated + counts['comments'].updated}, skipped "
            f"{counts['posts'].skipped:,} posts and {counts['comments'].skipped:,} comments"
        )
        small, big = results["small"], results["big"]
        lines.append(
            f"memory does not grow with the file: {big[2] / small[2]:.0f}x the file, peak RSS "
            f"{_mb(small[1])} -> {_mb(big[1])} ({(big[1] - small[1]) / small[1]:+.0%})"
        )
        lines.append(f"rows: {Post.objects.count():,} posts, {Comment.objects.count():,} comments")
    return lines
