/**
 * Real public feeds that outlets publish for syndication, one set per default category.
 * A new instance subscribes to them with the `excerpt` policy: title, excerpt, image and a
 * link to the original, never the full text.
 */
export const STARTER_FEEDS: ReadonlyArray<{ title: string; url: string; category: string }> = [
  {
    title: 'BBC News – World',
    url: 'https://feeds.bbci.co.uk/news/world/rss.xml',
    category: 'world-news',
  },
  {
    title: 'The Guardian – World news',
    url: 'https://www.theguardian.com/world/rss',
    category: 'world-news',
  },
  { title: 'Al Jazeera', url: 'https://www.aljazeera.com/xml/rss/all.xml', category: 'world-news' },
  {
    title: 'BBC News – Politics',
    url: 'https://feeds.bbci.co.uk/news/politics/rss.xml',
    category: 'politics',
  },
  { title: 'NPR – Politics', url: 'https://feeds.npr.org/1014/rss.xml', category: 'politics' },
  {
    title: 'BBC News – Business',
    url: 'https://feeds.bbci.co.uk/news/business/rss.xml',
    category: 'business',
  },
  { title: 'NPR – Business', url: 'https://feeds.npr.org/1006/rss.xml', category: 'business' },
  {
    title: 'Ars Technica',
    url: 'https://feeds.arstechnica.com/arstechnica/index',
    category: 'technology',
  },
  {
    title: 'BBC News – Technology',
    url: 'https://feeds.bbci.co.uk/news/technology/rss.xml',
    category: 'technology',
  },
  {
    title: 'BBC News – Science & Environment',
    url: 'https://feeds.bbci.co.uk/news/science_and_environment/rss.xml',
    category: 'science',
  },
  { title: 'ScienceDaily', url: 'https://www.sciencedaily.com/rss/all.xml', category: 'science' },
  {
    title: 'BBC News – Health',
    url: 'https://feeds.bbci.co.uk/news/health/rss.xml',
    category: 'health',
  },
  { title: 'NPR – Health', url: 'https://feeds.npr.org/1128/rss.xml', category: 'health' },
  { title: 'BBC Sport', url: 'https://feeds.bbci.co.uk/sport/rss.xml', category: 'sports' },
  { title: 'ESPN', url: 'https://www.espn.com/espn/rss/news', category: 'sports' },
  {
    title: 'BBC News – Entertainment & Arts',
    url: 'https://feeds.bbci.co.uk/news/entertainment_and_arts/rss.xml',
    category: 'entertainment',
  },
  {
    title: 'The Guardian – Life and style',
    url: 'https://www.theguardian.com/lifeandstyle/rss',
    category: 'lifestyle',
  },
];
