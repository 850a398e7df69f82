/** The outlets and articles of the sample edition: fictional, written by the Tidings project, CC0. */

export interface SampleOutlet {
  /** Stable key, kebab-case, e.g. 'harbor-herald'. */
  slug: string;
  name: string;
  /** One sentence describing the outlet (fictional). */
  description: string;
  /** Which feed format the fixture server publishes for it. */
  feedFormat: 'rss' | 'atom' | 'json' | 'rdf';
  /** The category its feed is filed under, or undefined for a general outlet whose articles must be categorized one by one. */
  category?: CategorySlug;
}

export type CategorySlug =
  | 'world-news'
  | 'politics'
  | 'business'
  | 'technology'
  | 'science'
  | 'health'
  | 'sports'
  | 'entertainment'
  | 'lifestyle';

export interface SampleArticle {
  /** Stable key, kebab-case, unique. */
  id: string;
  /** The slug of its outlet. */
  outlet: string;
  title: string;
  /** The true category of the article. */
  section: CategorySlug;
  author: string;
  /** Minutes before the fixture server starts that it was published: 5..2880 (two days). Negative values mean it appears that many minutes AFTER start ("a new article every so often"). */
  minutesAgo: number;
  /** One or two sentences, the feed excerpt. */
  summary: string;
  /** Body paragraphs, plain text, 3 to 6 of them, 25-70 words each. May contain “curly quotes”. */
  paragraphs: string[];
  /** Optional subheading inserted before paragraph index `before`. */
  subheading?: { before: number; text: string };
  /** The lead photo: caption (a full sentence describing the scene) and credit (e.g. 'Mara Ellison/Harbor Herald'). */
  image: { caption: string; credit: string };
  /** 2 to 4 tags as an outlet would write them, e.g. ['Transport', 'Port Wren']. */
  tags: string[];
  /** Articles covering the same real-world story share this key. */
  story?: string;
}

export const SAMPLE_OUTLETS: readonly SampleOutlet[] = [
  {
    slug: 'harbor-herald',
    name: 'The Harbor Herald',
    description:
      'A fictional daily newspaper covering the port city of Port Wren and the towns of the Calder coast.',
    feedFormat: 'rss',
  },
  {
    slug: 'northfield-courier',
    name: 'Northfield Courier',
    description:
      'A fictional regional newspaper based in the inland city of Northfield, covering the Tarrow valley and national affairs.',
    feedFormat: 'atom',
  },
  {
    slug: 'meridian-wire',
    name: 'Meridian Wire',
    description:
      'The business desk of a fictional news agency, filing company and markets news to subscribing newspapers.',
    feedFormat: 'rss',
    category: 'business',
  },
  {
    slug: 'calder-sports',
    name: 'Calder Sports Desk',
    description:
      'A fictional sports desk covering football, basketball and cycling across the country.',
    feedFormat: 'json',
    category: 'sports',
  },
  {
    slug: 'lattice-review',
    name: 'Lattice Review',
    description:
      'A fictional technology desk covering software, telecoms and the engineering behind public services.',
    feedFormat: 'rdf',
    category: 'technology',
  },
];

export const SAMPLE_ARTICLES: readonly SampleArticle[] = [
  // ── Story: the Halden Mobile outage (three outlets) ──
  {
    id: 'lr-halden-outage',
    outlet: 'lattice-review',
    title: 'Faulty routing update blamed for nine-hour Halden Mobile outage',
    section: 'technology',
    author: 'Priya Castellan',
    minutesAgo: 310,
    summary:
      'Halden Mobile says a software update pushed to its core routers caused the outage that cut voice and data for about 2.1 million customers.',
    paragraphs: [
      'A software update pushed to core routing equipment caused the outage that cut voice and data services for about 2.1 million Halden Mobile customers, the operator said, after service was fully restored shortly after 4 p.m. following more than nine hours of disruption.',
      'According to Halden’s preliminary account, the update was applied to routers in its two main data centers, in Northfield and Aldreach, at about 6:40 a.m. It caused the routers to drop their connections to one another, isolating mast sites and leaving handsets showing a signal but unable to place calls or load data.',
      '“The change had passed our testing, but it behaved differently on live equipment carrying full morning traffic,” said Anders Lowe, Halden’s chief executive. “Rolling it back took far longer than it should have, because the same fault cut off the tools our engineers use to reach the routers remotely.”',
      'Engineers were sent to both data centers to reinstall the previous software by hand, and service returned region by region from early afternoon. Dr. Elif Marsh, a network researcher at Northfield University, said the pattern was a familiar one: “When your management access runs over the same network you are changing, one bad update can lock you out of your own house.”',
      'The National Communications Authority said it had opened a formal investigation and had received reports of at least 37 emergency calls that failed to connect. Halden said it would credit every affected customer with three days’ line rental automatically, with no need to apply.',
    ],
    subheading: { before: 3, text: 'Engineers sent on site' },
    image: {
      caption: 'Racks of routing equipment inside a Halden Mobile data center in Northfield.',
      credit: 'Handout/Halden Mobile',
    },
    tags: ['Telecoms', 'Halden Mobile', 'Networks'],
    story: 'halden-mobile-outage',
  },
  {
    id: 'hh-halden-outage',
    outlet: 'harbor-herald',
    title: 'Card machines and ferry tickets hit as Halden network goes dark',
    section: 'technology',
    author: 'Tobias Rennick',
    minutesAgo: 265,
    summary:
      'Traders at the Port Wren fish market went back to cash and ferry passengers were given handwritten boarding passes during a Halden Mobile outage that lasted more than nine hours.',
    paragraphs: [
      'Traders at the Port Wren fish market went back to cash and notebooks after a Halden Mobile outage left about 2.1 million customers across the country without calls or data for more than nine hours.',
      'Card terminals at many stalls rely on Halden SIM cards rather than fixed lines. “By seven o’clock nothing was going through,” said Rosalind Achebe, who runs a shellfish stall on the North Quay. “We wrote down names and amounts for regulars and turned away people we didn’t know. I must have lost a third of my morning.”',
      'At the ferry terminal, Wrenlink staff issued handwritten boarding passes after the company’s ticketing app stopped loading. Passengers on the 8:15 sailing to Saltings Island were held for 25 minutes while crew members checked names against a printed manifest, a Wrenlink spokesperson said.',
      'Halden said the outage began at about 6:40 a.m. and was caused by a faulty software update to its core routing equipment. Full service returned shortly after 4 p.m. The company said every affected customer would be credited automatically with three days’ line rental.',
      'The National Communications Authority has opened an investigation, saying at least 37 emergency calls failed to connect nationwide. Port Wren’s deputy mayor, Hamish Odell, said the city would review whether its own emergency planning leaned too heavily on a single network. “Today showed how thin that thread is,” he said.',
    ],
    image: {
      caption:
        'A stallholder on the North Quay writes an order in a notebook beside a card terminal that cannot connect.',
      credit: 'Mara Ellison/Harbor Herald',
    },
    tags: ['Port Wren', 'Telecoms', 'Outage'],
    story: 'halden-mobile-outage',
  },
  {
    id: 'nc-halden-outage',
    outlet: 'northfield-courier',
    title: 'Regulator opens inquiry after emergency calls fail in Halden outage',
    section: 'technology',
    author: 'Ingrid Solberg',
    minutesAgo: -20,
    summary:
      'The National Communications Authority is investigating Halden Mobile after at least 37 emergency calls failed during an outage that hit 2.1 million customers.',
    paragraphs: [
      'The national telecoms regulator has opened a formal investigation into Halden Mobile after at least 37 emergency calls failed to connect during an outage that left about 2.1 million of the operator’s customers without service for more than nine hours.',
      '“Mobile networks are now the first way most people reach help, and that carries obligations,” said Marguerite Osei, chair of the National Communications Authority. “We will want to know why those calls were not passed to another network, as the rules require, and how long it took Halden to tell us what was happening.”',
      'Halden Mobile said the disruption started at about 6:40 a.m., when an update to the software running its core routers went wrong, and that service was fully restored shortly after 4 p.m. Chief executive Anders Lowe said the company would cooperate fully and credit customers with three days’ line rental.',
      'In Northfield, several pharmacies were unable to check electronic prescriptions, which many smaller branches verify over mobile connections. Owen Fairbairn, who manages Fairbairn’s Pharmacy on Mill Street, said staff dispensed urgent medicines on trust and logged about 60 prescriptions to process later.',
      'Northfield General Hospital said its own systems were unaffected, though some outpatients missed appointment reminders sent by text. The authority expects to publish initial findings within eight weeks. Halden could be fined up to 5 percent of its annual turnover if it is found to have breached its license conditions.',
    ],
    subheading: { before: 3, text: 'Pharmacies work on trust' },
    image: {
      caption:
        'A Halden Mobile shop on Mill Street in Northfield displays a notice apologizing to customers for the outage.',
      credit: 'Keziah Lowther/Northfield Courier',
    },
    tags: ['Telecoms', 'Regulation', 'Northfield'],
    story: 'halden-mobile-outage',
  },

  // ── Story: the Velmar cannery closure (two outlets, plus a syndicated wire copy) ──
  {
    id: 'mw-velmar-cannery',
    outlet: 'meridian-wire',
    title: 'Velmar Foods to close Port Wren cannery, cutting 340 jobs',
    section: 'business',
    author: 'Callum Dray',
    minutesAgo: 235,
    summary:
      'Velmar Foods will shut its Port Wren cannery over nine months and move production to a new $85 million automated plant in Eastmere. Its shares rose 4.2 percent.',
    paragraphs: [
      'Velmar Foods said it would close its cannery in Port Wren over the next nine months, cutting 340 jobs, and move production to a new $85 million automated plant in Eastmere that will employ about 120 people.',
      'The North Quay site, which opened in 1952 and processes about 18,000 tonnes of mackerel and sardines a year, has become too costly to modernize, the company said. Velmar shares closed up 4.2 percent in Aldreach after the announcement.',
      '“This was not an easy decision, and it is not a judgment on the people who have worked in Port Wren for generations,” chief executive Dagny Sorensen said in a statement. “The building cannot take the equipment we need to stay competitive, and Eastmere can.”',
      'Velmar said affected staff would be offered roles at the Eastmere plant, about 90 kilometers down the coast, or redundancy pay above the legal minimum. Tomas Reyes, regional organizer for the Food and Allied Workers Union, said the union would seek talks and urged the company to keep the site open until a buyer could be found.',
      'Analysts welcomed the move. Ines Kalder, a food sector analyst at Nettlefield Securities, said the consolidation should lift Velmar’s operating margin by about one percentage point within two years. “The market has been waiting for this for some time,” she said.',
    ],
    image: {
      caption:
        'Workers leave the Velmar Foods cannery on Port Wren’s North Quay at the end of a shift.',
      credit: 'Femi Hartley/Meridian Wire',
    },
    tags: ['Velmar Foods', 'Food Industry', 'Jobs'],
    story: 'velmar-cannery-closure',
  },
  {
    id: 'hh-velmar-cannery',
    outlet: 'harbor-herald',
    title: 'North Quay cannery to close after seven decades',
    section: 'business',
    author: 'Niamh Calloway',
    minutesAgo: 180,
    summary:
      'Velmar Foods will close its North Quay cannery within nine months. Its 340 workers have been offered jobs in Eastmere or redundancy pay, and the mayor wants the site sold rather than emptied.',
    paragraphs: [
      'The Velmar Foods cannery on the North Quay, which has processed fish landed in Port Wren since 1952, will close within nine months with the loss of 340 jobs, the company told workers at a morning meeting in the plant’s canteen.',
      'Production will move to a new automated plant in Eastmere, 90 kilometers south, in which Velmar is investing $85 million. That plant will employ about 120 people. Staff in Port Wren have been offered transfers or redundancy pay above the legal minimum.',
      '“They told us in twenty minutes and then the supervisors sent us back to the lines,” said Brenda Quayle, a packer who has worked at the cannery for 27 years. “My mother worked here. Half the street worked here. Eastmere is an hour and a half each way on the coast road.”',
      'Skippers who sell to the cannery fear losing their main buyer. Velmar takes about 18,000 tonnes of mackerel and sardines a year, much of it from Port Wren boats. Duncan Aske, who chairs the Port Wren Fishermen’s Association, said members would now have to truck catches to Eastmere or sell at auction for lower prices.',
      'Mayor Celia Marchetti said she had asked Velmar to give the city six months to find another buyer for the site before any equipment is removed. “A working cannery on that quay is worth far more to this city than an empty shed,” she said. Velmar said it would “consider any serious proposal.”',
    ],
    subheading: { before: 3, text: 'What happens to the fleet' },
    image: {
      caption:
        'Packers work on the line inside the Velmar Foods cannery on the North Quay, which opened in 1952.',
      credit: 'Mara Ellison/Harbor Herald',
    },
    tags: ['Port Wren', 'Jobs', 'Fishing'],
    story: 'velmar-cannery-closure',
  },
  {
    id: 'nc-velmar-cannery-wire',
    outlet: 'northfield-courier',
    title: 'Port Wren cannery to shut as Velmar shifts production to Eastmere',
    section: 'business',
    author: 'Callum Dray',
    minutesAgo: -35,
    summary:
      'Velmar Foods plans to shut its Port Wren cannery within nine months and shift production to an $85 million automated plant in Eastmere.',
    paragraphs: [
      'Velmar Foods plans to shut its Port Wren cannery within nine months, with the loss of 340 jobs, and shift production to an $85 million automated plant in Eastmere that will employ around 120 people.',
      'The North Quay site, which opened in 1952 and processes about 18,000 tonnes of mackerel and sardines a year, has become too costly to modernize, the company said. Velmar shares closed up 4.2 percent in Aldreach after the announcement.',
      '“This was not an easy decision, and it is not a judgment on the people who have worked in Port Wren for generations,” chief executive Dagny Sorensen said in a statement. “The building cannot take the equipment we need to stay competitive, and Eastmere can.”',
      'Velmar said affected staff would be offered roles at the Eastmere plant, about 90 kilometers down the coast, or redundancy pay above the legal minimum. Tomas Reyes, regional organizer for the Food and Allied Workers Union, said the union would seek talks and urged the company to keep the site open until a buyer could be found.',
      'Analysts welcomed the move. Ines Kalder, a food sector analyst at Nettlefield Securities, said the consolidation should lift Velmar’s operating margin by about one percentage point within two years. “The market has been waiting for this for some time,” she said.',
    ],
    image: {
      caption:
        'Workers leave the Velmar Foods cannery on Port Wren’s North Quay at the end of a shift.',
      credit: 'Femi Hartley/Meridian Wire',
    },
    tags: ['Business', 'Velmar Foods', 'Port Wren'],
    story: 'velmar-cannery-closure',
  },

  // ── Story: Northfield Rovers’ new stadium (two outlets) ──
  {
    id: 'cs-rovers-stadium',
    outlet: 'calder-sports',
    title: 'Rovers get green light for 24,000-seat Carrow Yards stadium',
    section: 'sports',
    author: 'Declan Moorcroft',
    minutesAgo: 1510,
    summary:
      'Northfield Rovers will leave Brackley Road, their home since 1908, after the city approved a $210 million stadium on the former Carrow Yards rail depot.',
    paragraphs: [
      'Northfield Rovers will leave Brackley Road, their home since 1908, after the city’s planning committee voted seven to two to approve a 24,000-seat stadium on the former Carrow Yards rail depot.',
      'The $210 million project would give the First Division club almost 10,000 more seats than its current ground, which holds 14,500 and has sold out for every league match this season. The club hopes to play its first game at the new stadium at the start of the season after next.',
      '“We have turned away supporters every other week for three years,” said chairman Gideon Ashe. “A club this size cannot keep running a waiting list for season tickets. This gives us room to grow the squad and the academy from our own match-day income.”',
      'Ashe’s holding company will provide most of the funding, with the rest from a $75 million bank loan. The Brackley Road site is expected to be sold for about 400 homes. Head coach Ruth Kessler said the players had been shown the plans. “They asked about the changing rooms before anything else,” she said.',
      'Supporters’ groups broadly welcomed the move but want guarantees on prices. Lorna Pritchett, chair of the Rovers Supporters’ Trust, said the trust would press the club to keep a third of the new stadium’s seats at or below current prices.',
    ],
    image: {
      caption:
        'An artist’s impression shows the proposed Northfield Rovers stadium on the Carrow Yards site.',
      credit: 'Handout/Northfield Rovers',
    },
    tags: ['Football', 'Northfield Rovers', 'Stadiums'],
    story: 'rovers-stadium',
  },
  {
    id: 'nc-rovers-stadium',
    outlet: 'northfield-courier',
    title: 'Carrow Yards stadium approved despite residents’ traffic fears',
    section: 'sports',
    author: 'Bethany Kerr',
    minutesAgo: 1385,
    summary:
      'The planning committee voted 7-2 for Northfield Rovers’ $210 million stadium on the old rail depot, attaching conditions on parking and match-day buses.',
    paragraphs: [
      'Northfield’s planning committee has approved Northfield Rovers’ plan to build a $210 million, 24,000-seat stadium on the disused Carrow Yards rail depot, overriding objections from residents in the neighboring Sefton Park district who fear match-day gridlock.',
      'The committee voted seven to two after a four-hour hearing. Its approval comes with conditions: the club must fund extra buses from Northfield Central station on match days, build no more than 600 parking spaces, and pay for residents-only parking permits in the surrounding streets.',
      '“We are not against football. We are against 24,000 people trying to get down Carrow Lane at the same time,” said Harold Pimm, who spoke for the Sefton Park Residents’ Association. He said the group was considering whether to seek a judicial review.',
      'Council member Meera Lakhani, who chairs the committee, said the conditions were “among the strictest we have attached to any development in the city.” Rovers, who have played at Brackley Road since 1908, aim to move at the start of the season after next. The old ground, which holds 14,500, is due to be sold for about 400 homes.',
    ],
    image: {
      caption:
        'Disused sidings and a signal box on the former Carrow Yards rail depot, where the stadium will be built.',
      credit: 'Marek Sloane/Northfield Courier',
    },
    tags: ['Northfield', 'Planning', 'Northfield Rovers'],
    story: 'rovers-stadium',
  },

  // ── The Harbor Herald ──
  {
    id: 'hh-mariners-derby',
    outlet: 'harbor-herald',
    title: 'Late Okonjo header gives Mariners derby win over Calder Bay',
    section: 'sports',
    author: 'Sam Whitlock',
    minutesAgo: 1020,
    summary:
      'Port Wren Mariners came from two goals down to beat Calder Bay Gulls 3-2 at Quayside Park, lifting them to fourth in the First Division.',
    paragraphs: [
      'Port Wren Mariners came from two goals down to beat Calder Bay Gulls 3-2 at Quayside Park, with defender Felix Okonjo heading the winner in the 88th minute in front of a crowd of 11,240.',
      'The Gulls led through an early Arno Lindqvist penalty and a deflected shot from Mateo Ferraz before half-time. Mariners manager Greta Holm made two changes at the break, and substitute Kieran Daly pulled one back within four minutes of coming on.',
      'Captain Jonah Brisco leveled with a low shot from the edge of the area on 71 minutes, before Okonjo rose above two defenders to meet Daly’s corner. “I haven’t scored since the spring,” Okonjo said. “Of all the games to end that run.”',
      '“At half-time I told them the crowd would carry them if they gave the crowd something,” Holm said. The win lifts the Mariners to fourth in the First Division, two points behind Northfield Rovers. Calder Bay, who have won once in seven league matches, drop to 15th.',
    ],
    image: {
      caption:
        'Felix Okonjo celebrates after scoring the winning goal for Port Wren Mariners against Calder Bay Gulls.',
      credit: 'Ruairi Dunne/Harbor Herald',
    },
    tags: ['Port Wren Mariners', 'Football', 'Calder Bay Gulls'],
  },
  {
    id: 'hh-teravel-earthquake-rescue',
    outlet: 'harbor-herald',
    title: 'Port Wren rescue team flies to Teravel after deadly earthquake',
    section: 'world-news',
    author: 'Lucia Ferrand',
    minutesAgo: 95,
    summary:
      'A 42-member search team has left Port Wren for Teravel, where a magnitude 6.4 earthquake killed at least 61 people on the island of Corbel.',
    paragraphs: [
      'A 42-member urban search and rescue team from Port Wren flew to Teravel on an air force transport plane after a magnitude 6.4 earthquake struck the island nation’s south and killed at least 61 people, according to Teravel’s civil protection agency.',
      'The quake hit at 3:12 a.m. local time about 15 kilometers from Sallow, the main town on the island of Corbel, where many older stone houses collapsed. Teravel’s interior ministry said 420 people had been injured and more than 5,000 were sleeping in tents or public buildings.',
      '“Every hour matters in the first three days,” said station officer Bryn Halloway, who leads the team, before boarding with four search dogs and about nine tonnes of equipment. “Our people have trained for exactly this. We go where the Teravelian crews send us.”',
      'The team, drawn mostly from Port Wren Fire and Rescue, is one of eleven foreign teams accepted by Teravel. The Foreign Ministry in Aldreach has pledged $4 million in emergency aid and said about 300 citizens were registered as living on Corbel. It had no reports of casualties among them.',
    ],
    image: {
      caption:
        'Members of the Port Wren search and rescue team load equipment onto an air force plane before leaving for Teravel.',
      credit: 'Ruairi Dunne/Harbor Herald',
    },
    tags: ['Teravel', 'Earthquake', 'Port Wren Fire and Rescue'],
  },
  {
    id: 'hh-osterlund-trawlers-released',
    outlet: 'harbor-herald',
    title: 'Osterlund releases two Port Wren trawlers held in fishing dispute',
    section: 'world-news',
    author: 'Edmund Hale',
    minutesAgo: 2190,
    summary:
      'The Osterlund coastguard has freed two trawlers and their 14 crew after four days, but says the skippers must answer charges of fishing in a closed zone.',
    paragraphs: [
      'Osterlund has released two Port Wren trawlers and their 14 crew members, four days after its coastguard boarded the boats on the Grey Bank, a fishing ground where the two countries’ claimed waters overlap.',
      'The Silver Tern and the Margaret Ellis were escorted into the Osterlund port of Halvik and allowed to leave after their owners paid a bond of $180,000. Osterlund prosecutors say the skippers fished for cod in a zone closed for spawning and must return for a hearing in six weeks.',
      '“The lads are tired but they’re fine, and they’re coming home,” said Kathleen Morrow, whose husband skippers the Silver Tern. “They were fishing where their fathers fished. Nobody told them a line had moved.”',
      'The boundary across the Grey Bank has been disputed since Osterlund extended its fisheries zone eleven years ago. Foreign Minister Adaeze Whitford said the government had protested formally and wanted the case taken to a joint fisheries commission. Osterlund’s embassy said the boats had been warned twice by radio before they were boarded.',
    ],
    image: {
      caption:
        'The trawler Silver Tern lies moored in the Osterlund port of Halvik after being escorted in by a coastguard vessel.',
      credit: 'Handout/Osterlund Coastguard',
    },
    tags: ['Osterlund', 'Fishing', 'Grey Bank'],
  },
  {
    id: 'hh-council-budget',
    outlet: 'harbor-herald',
    title: 'Council passes budget with 3.8 percent property tax rise',
    section: 'politics',
    author: 'Grace Adeyemi',
    minutesAgo: 1730,
    summary:
      'Port Wren City Council approved a $412 million budget that raises property tax by 3.8 percent and keeps the Saltings Island library open.',
    paragraphs: [
      'Port Wren City Council approved a $412 million budget for the coming year by 23 votes to 14, raising property tax by 3.8 percent and dropping a proposal to close the library on Saltings Island.',
      'For a typical three-bedroom home, the increase will add about $71 a year to the bill. Finance chair Rupert Ainsley said the rise was needed to cover higher pension contributions and a 9 percent jump in the cost of the city’s waste contract. “Nobody in this chamber wanted to vote for a tax rise,” he said.',
      'The opposition group proposed keeping the library open and avoiding the rise by delaying repairs to the Esplanade sea wall. Council member Marisol Tegan called the budget “a tax on people who already cannot heat their homes.” The amendment was defeated by 22 votes to 15.',
      'The budget sets aside $18 million for the sea wall, $6.5 million for road resurfacing and $2.1 million for a new bus route linking the North Quay to the hospital. Saltings Island residents had collected 3,400 signatures to save their library, which opened in 1911.',
    ],
    image: {
      caption: 'Council members debate the budget in the chamber of Port Wren City Hall.',
      credit: 'Petra Vohl/Harbor Herald',
    },
    tags: ['Port Wren', 'City Council', 'Budget'],
  },
  {
    id: 'hh-calder-bay-defection',
    outlet: 'harbor-herald',
    title: 'Calder Bay lawmaker quits governing party over ferry cuts',
    section: 'politics',
    author: 'Grace Adeyemi',
    minutesAgo: 610,
    summary:
      'Assembly member Colm Brannock has left the Progress Party for the opposition Civic Union, cutting the government’s majority to three seats.',
    paragraphs: [
      'The Assembly member for Calder Bay, Colm Brannock, has left the governing Progress Party and joined the opposition Civic Union, cutting the government’s majority in the 151-seat National Assembly to three.',
      'Brannock, first elected nine years ago, said he could no longer defend the Transport Ministry’s plan to cut winter sailings to the coastal islands from four a day to two. “I was sent to Aldreach to speak for Calder Bay, not to explain to Calder Bay why Aldreach knows best,” he said.',
      'The Progress Party’s chief whip, Leonie Farr, said she was “disappointed but not surprised,” noting that Brannock had voted against the government four times this year. She said the party would choose a new candidate for Calder Bay within a month.',
      'Civic Union leader Ezra Vance welcomed Brannock at a news conference in Port Wren. The government still expects to pass its budget next month, but analysts said a smaller majority could make it harder to contain rebels on the ferry plan, which is due for a vote in the spring.',
    ],
    image: {
      caption: 'Colm Brannock speaks to reporters outside the Civic Union’s offices in Port Wren.',
      credit: 'Petra Vohl/Harbor Herald',
    },
    tags: ['National Assembly', 'Calder Bay', 'Progress Party', 'Civic Union'],
  },
  {
    id: 'hh-boundary-review',
    outlet: 'harbor-herald',
    title: 'Boundary review would give Port Wren a third Assembly seat',
    section: 'politics',
    author: 'Edmund Hale',
    minutesAgo: 2760,
    summary:
      'Draft proposals from the Boundary Commission would create a Port Wren East constituency to reflect the city’s growth, while two inland seats would merge.',
    paragraphs: [
      'Port Wren would gain a third seat in the National Assembly under draft proposals published by the Boundary Commission, which redraws constituencies every ten years to keep the number of voters in each roughly equal.',
      'The city’s population has grown by about 31,000 since the last review, to 268,000, driven largely by new housing around the North Quay and Fennel Hill. The commission proposes a new Port Wren East seat, while the inland constituencies of Tarrow Vale and Esker would merge into one.',
      '“The numbers leave us little room for choice,” said the commission’s secretary, Harriet Mabey. “Each seat should have between 68,000 and 76,000 voters. Port Wren East would have 71,400. The two inland seats are each well below the minimum.”',
      'The plan drew criticism from Esker’s Assembly member, Philippa Strand, who said a merged seat would stretch for 140 kilometers. “One member cannot properly serve farms in the high valleys and commuter towns on the Tarrow,” she said. The public has twelve weeks to comment before final recommendations are drawn up.',
    ],
    image: {
      caption:
        'A draft map of the proposed constituency boundaries hangs at a public consultation in Port Wren Central Library.',
      credit: 'Petra Vohl/Harbor Herald',
    },
    tags: ['Boundary Commission', 'Port Wren', 'Elections'],
  },
  {
    id: 'hh-basking-shark-tags',
    outlet: 'harbor-herald',
    title: 'Satellite tags show basking sharks return to Calder Bay each summer',
    section: 'science',
    author: 'Lucia Ferrand',
    minutesAgo: 2460,
    summary:
      'Researchers at Port Wren Polytechnic found that 11 of 19 tagged basking sharks came back to the same stretch of coast, strengthening calls for a speed limit for boats in the bay.',
    paragraphs: [
      'Basking sharks tagged off Calder Bay return to the same stretch of coast summer after summer, according to a three-year study by marine biologists at Port Wren Polytechnic published in the Wrenfield Marine Review.',
      'Of 19 sharks fitted with satellite tags, 11 came back to within 20 kilometers of where they were tagged in at least two later summers. Between visits, some traveled more than 3,000 kilometers, spending the winter in deep water far to the south.',
      '“We expected them to wander. We did not expect them to come home,” said Dr. Anika Sorel, who led the study. “If the same animals rely on the same feeding grounds year after year, then what happens in Calder Bay matters for the whole population.”',
      'The findings come as the Fisheries Ministry considers a proposal to limit vessel speeds in the bay between June and September. Boat strikes injured at least six basking sharks in the area last summer, according to the Calder Bay Wildlife Trust. The ministry said it would respond by the end of the year.',
    ],
    image: {
      caption:
        'A basking shark feeds near the surface off Calder Bay as a Port Wren Polytechnic research boat waits nearby.',
      credit: 'Anika Sorel/Port Wren Polytechnic',
    },
    tags: ['Marine Life', 'Calder Bay', 'Port Wren Polytechnic'],
  },
  {
    id: 'hh-saltings-wreck',
    outlet: 'harbor-herald',
    title: 'Seabed survey finds 18th-century merchant ship off Saltings Island',
    section: 'science',
    author: 'Niamh Calloway',
    minutesAgo: 1890,
    summary:
      'Archaeologists believe a wreck found 34 meters down is the Constance, a merchant ship lost with all hands in a storm in 1763.',
    paragraphs: [
      'A seabed survey off Saltings Island has found the remains of a wooden merchant ship that archaeologists believe is the Constance, which sank with 23 crew in a winter storm in 1763 while carrying wine and cloth to Port Wren.',
      'The wreck lies 34 meters down, about two kilometers east of the island’s lighthouse. It was picked up by sonar during a survey for a planned undersea power cable, and divers from the Maritime Heritage Office have since recorded iron cannon, copper sheathing and more than 200 intact bottles.',
      '“The hull is buried in fine sand, which is the best thing that could have happened to it,” said Dr. Colette Marwick, the office’s chief archaeologist. “Timber that would have been eaten away in open water may survive down there almost complete.”',
      'The site has been given temporary protection, making it an offense to dive on it without a permit. The cable route will be moved about 400 meters north, adding roughly $1.2 million to the project’s cost, said Calderline Grid, the utility building the link.',
      'Parish records in Port Wren list the names of 19 of the Constance’s crew. The Port Wren Maritime Museum plans an exhibition of the survey images next year and has asked descendants of the crew to get in touch.',
    ],
    subheading: { before: 3, text: 'A protected site' },
    image: {
      caption:
        'A diver from the Maritime Heritage Office measures an iron cannon on the wreck believed to be the Constance.',
      credit: 'Handout/Maritime Heritage Office',
    },
    tags: ['Archaeology', 'Saltings Island', 'Shipwrecks'],
  },
  {
    id: 'hh-stroke-unit',
    outlet: 'harbor-herald',
    title: 'Port Wren hospital opens round-the-clock stroke unit',
    section: 'health',
    author: 'Grace Adeyemi',
    minutesAgo: 860,
    summary:
      'Port Wren General Hospital can now remove blood clots from the brain at any hour, ending night-time transfers of stroke patients to Northfield.',
    paragraphs: [
      'Port Wren General Hospital has opened a stroke unit that can remove blood clots from the brain at any hour, ending the need to transfer many patients to Northfield, a journey that can take up to three hours in bad weather.',
      'The $26 million unit has 24 beds, a dedicated scanner next to the ambulance bay and a team of five specialists who take turns on call overnight. Until now, the procedure, known as thrombectomy, was available in Port Wren only on weekdays between 8 a.m. and 6 p.m.',
      '“In a large stroke, about two million brain cells are lost every minute,” said Dr. Samuel Oyelaran, the unit’s clinical lead. “Cutting an hour from the time it takes to open the artery can be the difference between walking out of here and needing care for the rest of your life.”',
      'The hospital treats about 900 stroke patients a year. Last year, 146 were moved to Northfield for thrombectomy outside weekday hours. Among the first patients at the new unit was Derek Lanyon, 67, a retired harbor pilot, who was treated within 50 minutes of arriving. “I don’t remember much, but I know I’m lucky,” he said.',
    ],
    subheading: { before: 2, text: '“Every minute counts”' },
    image: {
      caption: 'Nurses prepare a bed in the new 24-bed stroke unit at Port Wren General Hospital.',
      credit: 'Mara Ellison/Harbor Herald',
    },
    tags: ['Port Wren General Hospital', 'Stroke', 'Health Care'],
  },
  {
    id: 'hh-shellfish-toxin',
    outlet: 'harbor-herald',
    title: 'Shellfish harvesting halted in Calder Bay after toxin found',
    section: 'health',
    author: 'Tobias Rennick',
    minutesAgo: -70,
    summary:
      'Health officials have banned mussel and oyster harvesting in Calder Bay after routine tests found a toxin produced by algae at three times the legal limit.',
    paragraphs: [
      'Health officials have suspended mussel and oyster harvesting along a 40-kilometer stretch of Calder Bay after routine tests found levels of a paralytic shellfish toxin about three times the legal limit.',
      'The toxin is produced by a microscopic alga that blooms in warm, calm conditions and builds up in shellfish that filter seawater. Cooking does not destroy it. Symptoms include tingling around the mouth, numbness and, in severe cases, difficulty breathing.',
      '“There is no reason to believe any contaminated shellfish has reached shops or restaurants, but we are asking anyone who has gathered mussels from the shore this week not to eat them,” said Dr. Ottilie Brand, the regional director of public health. No illnesses have been reported.',
      'The ban affects 17 licensed farms employing about 150 people and will stay in place until two consecutive weekly tests show safe levels. Jory Penhale, who farms mussels near Calder Bay harbor, said a similar ban three years ago lasted five weeks. “We lose the sales, and the stock keeps growing on the ropes,” he said.',
    ],
    image: {
      caption:
        'Mussel ropes hang from a farm platform in Calder Bay, where harvesting has been suspended.',
      credit: 'Ruairi Dunne/Harbor Herald',
    },
    tags: ['Calder Bay', 'Food Safety', 'Shellfish'],
  },
  {
    id: 'hh-film-festival-lineup',
    outlet: 'harbor-herald',
    title: 'Harbor film festival to open with Teravelian drama “The Salt Year”',
    section: 'entertainment',
    author: 'Imogen Tarrant',
    minutesAgo: 2610,
    summary:
      'The Port Wren International Film Festival will screen 86 films over ten days, opening with a Teravelian family drama and closing with a documentary shot on the North Quay.',
    paragraphs: [
      'The Port Wren International Film Festival will open with “The Salt Year,” a drama by Teravelian director Teodora Lind about a family of salt farmers, organizers said as they announced a program of 86 films from 31 countries.',
      'The festival runs for ten days at five venues around the harbor, including the restored Alhambra cinema on Dock Street and, for the first time, an open-air screen on the deck of the decommissioned ferry Saltings Star. Organizers expect about 42,000 admissions, up from 36,500 last year.',
      '“We wanted the harbor itself to be part of the program,” said festival director Ivo Carrasco. “Some of our best audiences are people who have never bought a festival ticket and just wander down to see what is happening.”',
      'The closing film is “Night Shift on the North Quay,” a documentary by Port Wren filmmaker Sunniva Oduya that follows cannery workers through a single shift. Tickets go on sale to festival members next week and to the public four days later. Prices are unchanged at $12 for most screenings.',
    ],
    image: {
      caption:
        'Festival staff test the open-air screen on the deck of the decommissioned ferry Saltings Star.',
      credit: 'Petra Vohl/Harbor Herald',
    },
    tags: ['Film', 'Port Wren International Film Festival', 'Arts'],
  },
  {
    id: 'hh-lyceum-reopens',
    outlet: 'harbor-herald',
    title: 'Lyceum Theater reopens after four-year restoration',
    section: 'entertainment',
    author: 'Imogen Tarrant',
    minutesAgo: 1260,
    summary:
      'Port Wren’s Lyceum Theater reopens with a new comedy set on its own opening night in 1889, after a $38 million restoration.',
    paragraphs: [
      'The Lyceum Theater on Port Wren’s Esplanade will reopen to audiences after a four-year, $38 million restoration that repaired its storm-damaged roof and uncovered ceiling paintings hidden under layers of paint since the 1950s.',
      'The first production is “The Lamplighter’s Wager,” a comedy by Port Wren playwright Aurelie Bastable set in the theater itself on the night it first opened in 1889. The run of 48 performances is already 80 percent sold, the theater said.',
      '“People kept asking when their theater would be back,” said artistic director Marcus Ilesanmi. “Not the theater, their theater. I think that says everything about what this building means to the city.”',
      'The restoration, funded by the city, the National Heritage Fund and 2,300 private donors, also added an elevator, step-free access to every level and 40 new spaces for wheelchair users and companions. Capacity is now 1,100, down from 1,240, because seats with restricted views were removed.',
    ],
    image: {
      caption:
        'Restorers work on the painted ceiling above the auditorium of the Lyceum Theater in Port Wren.',
      credit: 'Mara Ellison/Harbor Herald',
    },
    tags: ['Theater', 'Port Wren', 'Lyceum Theater'],
  },
  {
    id: 'hh-quay-night-market',
    outlet: 'harbor-herald',
    title: 'Night market returns to the North Quay with 60 stalls',
    section: 'lifestyle',
    author: 'Hollis Brae',
    minutesAgo: 420,
    summary:
      'The North Quay night market is back on Friday evenings from next month, with street food, crafts and secondhand books along the waterfront.',
    paragraphs: [
      'The North Quay night market will return on Friday evenings from next month, with 60 stalls selling street food, crafts and secondhand books along the waterfront between the fish market and the old customs house.',
      'The market ran for six summers before it was suspended two years ago during repairs to the quay wall. This year it will run until the end of October, from 5 p.m. to 11 p.m., with live music on a small stage beside the customs house.',
      '“We had 200 applications for 60 pitches, which tells you how much people missed it,” said organizer Yusuf Penrose. About half of the stalls will sell food, and at least one dish at each must use fish or produce from within 50 kilometers of Port Wren.',
      'Traders welcomed the news, though some residents of the new apartments on Cooper’s Wharf have asked for noise limits. The city said amplified music would stop at 10 p.m. Entry is free, and the No. 4 bus will run every 12 minutes until midnight on market nights.',
    ],
    image: {
      caption:
        'Visitors browse food stalls at the North Quay night market beside the old customs house.',
      credit: 'Petra Vohl/Harbor Herald',
    },
    tags: ['Port Wren', 'Food', 'Markets'],
  },

  // ── Northfield Courier ──
  {
    id: 'nc-sarn-election',
    outlet: 'northfield-courier',
    title: 'Sarn elects former central banker Ilya Demarco as president',
    section: 'world-news',
    author: 'Aurelio Banks',
    minutesAgo: 5,
    summary:
      'Ilya Demarco won the Sarnic Republic’s presidential runoff with 54.3 percent of the vote, ending 14 years of National Renewal rule.',
    paragraphs: [
      'Voters in the Sarnic Republic have elected Ilya Demarco, a former central bank governor, as president in a runoff, ending 14 years in which the office was held by members of the National Renewal party.',
      'With all votes counted, Demarco won 54.3 percent against 45.7 percent for Viktor Haldane, the former interior minister backed by outgoing president Radek Ostrov. Turnout was 68 percent, the highest in two decades, the electoral commission said.',
      '“Tonight nobody lost. Tonight the country chose to try something different,” Demarco told supporters in the capital, Veldane. She has promised to restore the independence of the courts and to reopen talks on rejoining the Northern Trade Compact, which Sarn left six years ago.',
      'Haldane conceded within two hours of polls closing. Sarn is the third-largest buyer of grain from the Tarrow valley, and Northfield exporters will be watching for changes to import tariffs. Demarco is due to be sworn in within 30 days.',
    ],
    image: {
      caption: 'Ilya Demarco greets supporters in Veldane after winning the presidential runoff.',
      credit: 'Anton Belic/Meridian Wire',
    },
    tags: ['Sarn', 'Elections', 'Ilya Demarco'],
  },
  {
    id: 'nc-kalvoria-floods',
    outlet: 'northfield-courier',
    title: 'Kalvoria declares emergency as floods cut rail link to the north',
    section: 'world-news',
    author: 'Helena Szabo',
    minutesAgo: 150,
    summary:
      'Floods along Kalvoria’s Ormund river have killed nine people and forced 12,000 from their homes, halting freight trains that run to the Northfield rail hub.',
    paragraphs: [
      'Kalvoria’s government has declared a state of emergency in four provinces after the Ormund river burst its banks following a week of heavy rain, killing at least nine people and forcing about 12,000 from their homes.',
      'The river peaked at 7.8 meters at the city of Drevna, more than two meters above flood stage and the highest level recorded in more than half a century. Army units were using boats to reach villages cut off by the water, Kalvoria’s interior ministry said.',
      '“Our priority is people on rooftops. Bridges and roads come after,” Prime Minister Jana Wolek said in a televised address. She said the government had asked neighboring countries for pumps, boats and temporary shelters.',
      'The floods washed out a section of the main rail line between Drevna and the border, halting freight services that carry about 40 trainloads of grain and timber a week between Kalvoria and the Northfield rail hub. Sableway Rail said it expected the line to stay closed for at least three weeks.',
    ],
    image: {
      caption: 'Soldiers steer a boat through a flooded street in the Kalvorian city of Drevna.',
      credit: 'Lidia Varro/Meridian Wire',
    },
    tags: ['Kalvoria', 'Floods', 'Rail Freight'],
  },
  {
    id: 'nc-rail-electrification',
    outlet: 'northfield-courier',
    title: 'Government commits $1.4 billion to electrify Northfield–Aldreach line',
    section: 'politics',
    author: 'Rashid Colquhoun',
    minutesAgo: 725,
    summary:
      'Transport Minister Oona Fairley said electrifying the 185-kilometer line would cut the fastest journey by 25 minutes, with work starting in two years.',
    paragraphs: [
      'The government will spend $1.4 billion electrifying the 185-kilometer rail line between Northfield and Aldreach, Transport Minister Oona Fairley announced, with construction due to start in two years and finish about five years later.',
      'Electric trains would cut the fastest journey between the two cities from two hours and ten minutes to about one hour and 45 minutes, the ministry said, and replace diesel units that are on average 31 years old. The line carries about 9 million passengers a year.',
      '“This is the busiest line in the country still running on diesel, and the people of Northfield have waited long enough,” Fairley said at Northfield Central station. She said the project would support about 1,800 construction jobs at its peak.',
      'Opposition transport spokesman Desmond Achterberg said the timetable was too slow and that the same promise had been made before the last two elections. Freight operators welcomed the plan but asked for assurances that overnight closures during construction would not disrupt grain trains through Northfield.',
    ],
    image: {
      caption: 'A diesel passenger train leaves Northfield Central station bound for Aldreach.',
      credit: 'Keziah Lowther/Northfield Courier',
    },
    tags: ['Rail', 'Northfield', 'Transport Ministry'],
  },
  {
    id: 'nc-mayoral-candidates',
    outlet: 'northfield-courier',
    title: 'Three candidates confirmed for Northfield mayoral election',
    section: 'politics',
    author: 'Penelope Arkwright',
    minutesAgo: 2320,
    summary:
      'Mayor Alistair Quint will face a Progress Party council member and an independent housing campaigner in the city’s first three-way mayoral race.',
    paragraphs: [
      'Three candidates will contest the election for mayor of Northfield in eight weeks, the city’s election office confirmed after nominations closed, setting up the first three-way race since the office became directly elected 16 years ago.',
      'Mayor Alistair Quint, of the Civic Union, is seeking a third term. He faces council member Dana Whitcombe of the Progress Party, who chairs the council’s transport committee, and Sefton Park tenant organizer Emeka Lowry, who is standing as an independent on a housing platform.',
      '“Rents in this city have gone up by a third in five years, and none of the parties has a plan that matches that,” Lowry said after submitting 1,240 signatures, more than double the 500 required. Quint said his record on jobs and transport spoke for itself.',
      'Whitcombe said she would freeze fares on city buses for two years and publish a new housing plan within 100 days of taking office. The election office said 311,000 people were registered to vote. Four years ago, turnout was 34 percent.',
    ],
    image: {
      caption:
        'Alistair Quint, Dana Whitcombe and Emeka Lowry stand outside the Northfield election office after nominations closed.',
      credit: 'Marek Sloane/Northfield Courier',
    },
    tags: ['Northfield', 'Mayoral Election', 'Local Politics'],
  },
  {
    id: 'nc-esker-observatory-comet',
    outlet: 'northfield-courier',
    title: 'Esker Hills observatory records comet breaking apart',
    section: 'science',
    author: 'Tom Baxendale',
    minutesAgo: 2880,
    summary:
      'Northfield University astronomers watched Comet Ilves split into at least five pieces as it passed the Sun, a rarely observed event.',
    paragraphs: [
      'Astronomers at Northfield University’s Esker Hills Observatory have recorded a comet breaking into at least five pieces as it passed the Sun, in images that researchers say could help explain why some comets fall apart.',
      'The comet, known as Ilves after the amateur astronomer in Osterlund who discovered it last year, was about 160 million kilometers from Earth when the observatory’s 1.2-meter telescope caught the first fragment separating.',
      '“We were watching a routine target, and the nucleus simply came apart over three nights,” said Dr. Saoirse Lindgren, who leads the observatory’s small-bodies group. “Catching the moment of break-up, rather than the debris afterwards, is rare.”',
      'The team thinks heating by the Sun caused gas to build up beneath the surface until it split the nucleus, which was about 1.5 kilometers across. The fragments pose no risk to Earth. The observatory has made its images public and asked other telescopes to keep tracking the pieces.',
    ],
    image: {
      caption: 'The dome of Northfield University’s Esker Hills Observatory opens at dusk.',
      credit: 'Marek Sloane/Northfield Courier',
    },
    tags: ['Astronomy', 'Northfield University', 'Comets'],
  },
  {
    id: 'nc-tarrow-aquifer',
    outlet: 'northfield-courier',
    title: 'Tarrow valley groundwater falling faster than expected, study finds',
    section: 'science',
    author: 'Helena Szabo',
    minutesAgo: 1640,
    summary:
      'Groundwater under the Tarrow valley is dropping by 38 centimeters a year, almost twice the rate estimated a decade ago.',
    paragraphs: [
      'Groundwater beneath the Tarrow valley is falling by an average of 38 centimeters a year, almost twice the rate estimated a decade ago, according to a study by hydrologists at Northfield University and the National Water Agency.',
      'The researchers analyzed readings from 214 monitoring wells between Northfield and Linden Falls over 20 years. They found the steepest declines near the valley’s largest farms, where irrigation has roughly doubled as growers switched from grain to vegetables and soft fruit.',
      '“The aquifer is not running dry tomorrow, but we are drawing on savings much faster than we are paying back in,” said Prof. Dorothea Kemble, the study’s lead author. At current rates, she said, about a fifth of shallow wells in the valley could become unusable within 15 years.',
      'The agency said it would review water extraction licenses for the valley next year. Bram Teller, who chairs the Tarrow Valley Growers’ Association, said farmers were already investing in drip irrigation. “We need water to grow food. Tell us the rules, and we’ll work within them,” he said.',
    ],
    image: {
      caption:
        'A hydrologist lowers a measuring tape into a monitoring well on a farm near Linden Falls.',
      credit: 'Keziah Lowther/Northfield Courier',
    },
    tags: ['Water', 'Tarrow Valley', 'Agriculture'],
  },
  {
    id: 'nc-ashgrove-measles',
    outlet: 'northfield-courier',
    title: 'Measles outbreak in Ashgrove prompts walk-in vaccine clinics',
    section: 'health',
    author: 'Bethany Kerr',
    minutesAgo: 40,
    summary:
      'Fourteen measles cases have been confirmed in Ashgrove in three weeks, the district’s first outbreak in six years.',
    paragraphs: [
      'Health officials have opened walk-in vaccination clinics in Ashgrove after 14 cases of measles were confirmed in the town in three weeks, the first outbreak in the district in six years.',
      'Most of those infected are children under ten, and three have been treated in hospital, the regional public health office said. Vaccination rates among five-year-olds in Ashgrove have fallen to 86 percent, below the 95 percent needed to stop the virus spreading.',
      '“Measles is one of the most contagious diseases we know. One case in a classroom can become twenty within two weeks,” said Dr. Lionel Amadi, the regional director of public health for the inland districts. “Two doses of the vaccine protect about 97 percent of people for life.”',
      'Clinics will run at Ashgrove Community Center and the town library for the next four weeks, from 9 a.m. to 7 p.m. Parents unsure whether their children are protected can check records there. Two elementary schools have asked unvaccinated students who were exposed to stay home for 21 days.',
    ],
    image: {
      caption:
        'A nurse prepares a dose of measles vaccine at the walk-in clinic in Ashgrove Community Center.',
      credit: 'Marek Sloane/Northfield Courier',
    },
    tags: ['Measles', 'Ashgrove', 'Vaccination'],
  },
  {
    id: 'nc-hospital-waiting-times',
    outlet: 'northfield-courier',
    title: 'Northfield General cuts emergency waits with new assessment unit',
    section: 'health',
    author: 'Ingrid Solberg',
    minutesAgo: 2050,
    summary:
      'The average stay in Northfield General’s emergency department has fallen by an hour and a half in a year, but nurses say the general wards are paying for it.',
    paragraphs: [
      'Patients at Northfield General Hospital’s emergency department are waiting an average of two hours and 50 minutes to be admitted or discharged, down from four hours and 20 minutes a year ago, according to figures published by the hospital’s board.',
      'Managers credit a 30-bed assessment unit opened in the spring, where patients who need tests but probably not a full admission can be observed for up to 48 hours. About 40 percent of patients who pass through the unit go home within a day.',
      '“We were treating too many people in corridors while they waited for a ward bed they didn’t really need,” said Dr. Frances Mallory, the hospital’s medical director. “The unit lets us make that decision properly, in a proper bed.”',
      'Staff representatives said the improvement had come at a cost. Abigail Fenn, a nurse and union steward, said vacancies on the hospital’s general wards had risen to 11 percent as staff moved to the new unit. The board said it planned to recruit 65 nurses over the next six months.',
    ],
    image: {
      caption:
        'A nurse checks a patient’s notes in the new assessment unit at Northfield General Hospital.',
      credit: 'Keziah Lowther/Northfield Courier',
    },
    tags: ['Northfield General Hospital', 'Health Care', 'Waiting Times'],
  },
  {
    id: 'nc-larkspur-prize',
    outlet: 'northfield-courier',
    title: 'Northfield author wins Larkspur Prize for debut novel',
    section: 'entertainment',
    author: 'Tom Baxendale',
    minutesAgo: 1140,
    summary:
      'Former history teacher Odile Farraday won the $40,000 prize for “The Winter Timetable,” a novel about three generations of a Tarrow valley railway family.',
    paragraphs: [
      'Northfield writer Odile Farraday has won the Larkspur Prize for fiction, worth $40,000, with her debut novel, “The Winter Timetable,” the story of three generations of a railway family in the Tarrow valley.',
      'The judges chose the book from a shortlist of six, calling it “a quiet, exact and funny novel about work, love and timetables.” Farraday, 52, taught history at a Northfield high school for 24 years and wrote the book in the early mornings before classes.',
      '“I kept a notebook of things my father said about the night shift, and for years I didn’t know what it was for,” Farraday said at the award ceremony in Aldreach. “Now I do.” She plans to use part of the prize money to fund a writing workshop at Northfield Central Library.',
      'Her publisher, Greyhaven Books, said it had ordered a reprint of 30,000 copies, in addition to the 12,000 already sold. Past winners of the prize, now in its 38th year, include the Port Wren novelist Hedda Quillfeather.',
    ],
    image: {
      caption:
        'Odile Farraday holds a copy of “The Winter Timetable” at the Larkspur Prize ceremony in Aldreach.',
      credit: 'Marek Sloane/Northfield Courier',
    },
    tags: ['Books', 'Larkspur Prize', 'Northfield'],
  },
  {
    id: 'nc-valley-sound-festival',
    outlet: 'northfield-courier',
    title: 'Valley Sound festival sells out in 47 minutes',
    section: 'entertainment',
    author: 'Penelope Arkwright',
    minutesAgo: -95,
    summary:
      'All 28,000 weekend tickets for the Valley Sound festival near Linden Falls sold out before the full lineup was announced.',
    paragraphs: [
      'All 28,000 weekend tickets for this summer’s Valley Sound festival near Linden Falls sold out in 47 minutes, organizers said, beating last year’s record by more than two hours, even before the full lineup had been announced.',
      'The three-day festival, now in its 12th year, will be headlined by Northfield band The Quiet Semaphore, who return to the main stage a decade after their first appearance in a tent for 300 people. Organizers said 60 more acts would be named next month.',
      '“We genuinely didn’t expect this,” said festival director Caspar Nyland. “We added a queue system this year to stop resale bots, and it seems to have worked.” Resold tickets can be traded only through the festival’s own exchange, at face value.',
      'The sell-out will bring about $9 million into the Linden Falls area, according to an estimate by the district council. Residents have asked for more shuttle buses from Northfield Central after roads around the site were gridlocked for six hours on the festival’s first day last year.',
    ],
    image: {
      caption:
        'Crowds gather in front of the main stage at last year’s Valley Sound festival near Linden Falls.',
      credit: 'Marek Sloane/Northfield Courier',
    },
    tags: ['Music', 'Festivals', 'Linden Falls'],
  },
  {
    id: 'nc-allotment-waiting-list',
    outlet: 'northfield-courier',
    title: 'Allotment waiting list passes 2,000 as city opens new plots',
    section: 'lifestyle',
    author: 'Helena Szabo',
    minutesAgo: 2540,
    summary:
      'Northfield has opened 84 half-size allotment plots on former playing fields, with 120 more planned, as some applicants wait more than six years.',
    paragraphs: [
      'The waiting list for an allotment in Northfield has passed 2,000 names for the first time, the city said as it opened 84 new plots on former playing fields off Millbrook Road, with another 120 planned for next year.',
      'Some applicants have waited more than six years. The city now offers new plots at half the traditional size, 125 square meters, after finding that many newer gardeners struggled to keep a full plot under control. Annual rent for a half plot is $48.',
      '“Half a plot is plenty for a family. You still get more zucchini than you know what to do with,” said Winifred Ashby, 78, who has gardened at the Hazel Lane site for 41 years and now mentors new plot holders.',
      'The city says demand has roughly doubled since it began keeping records 15 years ago. It is urging landowners, including churches and the rail operator Sableway Rail, to offer spare land for community growing. Applications can be made online or at any city library.',
    ],
    image: {
      caption:
        'Winifred Ashby shows a new plot holder how to stake beans at the Hazel Lane allotments in Northfield.',
      credit: 'Keziah Lowther/Northfield Courier',
    },
    tags: ['Gardening', 'Northfield', 'Allotments'],
  },
  {
    id: 'nc-linden-falls-trail',
    outlet: 'northfield-courier',
    title: 'Linden Falls gorge trail reopens after landslide repairs',
    section: 'lifestyle',
    author: 'Rashid Colquhoun',
    minutesAgo: 960,
    summary:
      'One of the most popular walks in the Esker Hills is open again after 14 months, with a steel boardwalk where a landslide swept the path away.',
    paragraphs: [
      'The gorge trail at Linden Falls, one of the most popular walks in the Esker Hills, has reopened after 14 months of repairs following a landslide that swept away a 60-meter section of the path.',
      'Park rangers have rebuilt the damaged stretch as a steel boardwalk anchored to the rock face, about four meters above the old route, and added a viewing platform opposite the main waterfall. The full loop is 7.5 kilometers and takes most walkers about three hours.',
      '“It’s a better trail than before, honestly, but the old one had a certain charm when you were clinging to a chain,” said ranger Ansel Marrick. He advised walkers to wear boots with a good grip, as the upper section can stay slippery well into spring.',
      'The repairs cost $2.3 million. Parking at the trailhead has been expanded to 180 spaces, and a seasonal shuttle bus will run from Linden Falls village on weekends. Dogs must be kept on leashes on the boardwalk section.',
    ],
    image: {
      caption: 'Walkers cross the new steel boardwalk above the gorge at Linden Falls.',
      credit: 'Rashid Colquhoun/Northfield Courier',
    },
    tags: ['Outdoors', 'Esker Hills', 'Linden Falls'],
  },

  // ── Meridian Wire (business desk) ──
  {
    id: 'mw-monetary-board-holds',
    outlet: 'meridian-wire',
    title: 'Monetary Board holds key rate at 3.75 percent, signals cut later in year',
    section: 'business',
    author: 'Sigrid Vale',
    minutesAgo: -50,
    summary:
      'The Monetary Board left its benchmark rate unchanged for a third meeting, but said it could begin cutting later in the year if inflation keeps easing.',
    paragraphs: [
      'The Monetary Board left its benchmark interest rate unchanged at 3.75 percent for a third consecutive meeting, but said it could begin cutting later in the year if inflation continued to ease.',
      'Seven of the board’s nine members voted to hold, while two voted for a quarter-point cut. Annual inflation fell to 2.9 percent last month from 3.4 percent, according to the National Statistics Office, but remains above the board’s 2 percent target.',
      '“We are seeing the progress we hoped for, but we want to be sure it lasts,” Governor Lucan Ferreira told reporters. “Cutting too early and having to reverse course would do more damage to confidence than waiting a few more weeks.”',
      'Markets had largely expected the decision. The yield on the two-year government bond fell 6 basis points to 3.41 percent after the statement, and the dollar slipped 0.3 percent against the Osterlund mark. Most economists polled by Meridian Wire before the meeting expect a first cut within two meetings.',
    ],
    image: {
      caption:
        'Governor Lucan Ferreira speaks at a news conference at the Monetary Board’s headquarters in Aldreach.',
      credit: 'Femi Hartley/Meridian Wire',
    },
    tags: ['Interest Rates', 'Monetary Board', 'Inflation'],
  },
  {
    id: 'mw-tessaline-wind-contract',
    outlet: 'meridian-wire',
    title: 'Tessaline wins $2.6 billion Harrow Shoal offshore wind contract',
    section: 'business',
    author: 'Oren Castell',
    minutesAgo: 520,
    summary:
      'Tessaline Energy will build a 900-megawatt wind farm off Calder Bay after offering the lowest guaranteed price in a government auction.',
    paragraphs: [
      'Tessaline Energy has won a government auction to build a 900-megawatt offshore wind farm on the Harrow Shoal, about 30 kilometers off Calder Bay, in a project the company values at $2.6 billion.',
      'Tessaline bid a guaranteed price of $71 per megawatt-hour for 20 years, the lowest of four bids, the Energy Ministry said. Construction is due to start in three years, with first power two years later. The farm would supply the equivalent of about 780,000 homes.',
      '“Offshore wind is now the cheapest new power we can build at this scale, and this price proves it,” said Tessaline chief executive Henrike Vos. She said the company would assemble turbine foundations in Port Wren, creating about 450 jobs during construction.',
      'Tessaline shares rose 3.1 percent. Rowan Pike, an analyst at Carrick & Lowe, said the bid left little room for cost overruns. “At $71, they need steel prices and interest rates to behave for the next five years,” he said.',
    ],
    image: {
      caption:
        'Turbine blades are stacked at a Tessaline Energy assembly yard before being shipped offshore.',
      credit: 'Lidia Varro/Meridian Wire',
    },
    tags: ['Energy', 'Tessaline Energy', 'Offshore Wind'],
  },
  {
    id: 'mw-corvane-freight-profit',
    outlet: 'meridian-wire',
    title: 'Corvane Freight profit falls 38 percent as container rates slide',
    section: 'business',
    author: 'Sigrid Vale',
    minutesAgo: 1580,
    summary:
      'Corvane Freight’s first-half net profit fell to $214 million and the company will retire three older ships, but it kept its full-year forecast.',
    paragraphs: [
      'Corvane Freight reported a 38 percent fall in first-half net profit to $214 million as container shipping rates dropped from last year’s highs, and said it would take three older vessels out of service to cut costs.',
      'Revenue fell 17 percent to $2.9 billion. The average rate Corvane earned per container on its main routes fell by about a quarter, the company said, as ships ordered during the boom entered service across the industry and capacity outgrew demand.',
      '“We are in the part of the cycle everyone knew was coming,” chief financial officer Benedikt Aurand said on a call with analysts. “The question is who is carrying too much cost into it, and we have moved earlier than most.”',
      'Corvane kept its full-year profit forecast of $380 million to $450 million and left its interim dividend unchanged at 42 cents a share. Its shares rose 1.8 percent in Aldreach, as the result beat analysts’ average forecast of $190 million.',
    ],
    image: {
      caption:
        'A Corvane Freight container ship is loaded at the deep-water terminal in Port Wren.',
      credit: 'Femi Hartley/Meridian Wire',
    },
    tags: ['Shipping', 'Corvane Freight', 'Earnings'],
  },

  // ── Calder Sports Desk ──
  {
    id: 'cs-esker-tour-stage-five',
    outlet: 'calder-sports',
    title: 'Varga takes Tour of the Esker Hills lead with summit win',
    section: 'sports',
    author: 'Nadia Quell',
    minutesAgo: -8,
    summary:
      'Ilse Varga of Wrenfield Cycling won stage five on Mount Carrick and leads the race by 41 seconds with two stages left.',
    paragraphs: [
      'Ilse Varga of Wrenfield Cycling won the fifth stage of the Tour of the Esker Hills at the summit of Mount Carrick and took the overall lead by 41 seconds, with two stages remaining.',
      'Varga attacked with 3.5 kilometers of the 148-kilometer stage left, on the steepest section of the final climb, and only Osterlund’s Maren Dahlquist could follow. Varga dropped her in the last kilometer and crossed the line 18 seconds ahead.',
      '“I told the team this morning that I would try once, and only once,” Varga said. “If it didn’t work, I would sit back and help the others. My legs felt good, so I did not need a second try.”',
      'Overnight leader Clea Moravec of Northfield Velo finished 2 minutes 6 seconds down and fell to fifth overall. The sixth stage, a flat 162-kilometer run to Port Wren, is expected to end in a bunch sprint. The race finishes with a time trial in Northfield.',
    ],
    image: {
      caption: 'Ilse Varga crosses the finish line alone at the summit of Mount Carrick.',
      credit: 'Josef Arland/Calder Sports Desk',
    },
    tags: ['Cycling', 'Tour of the Esker Hills', 'Ilse Varga'],
  },
  {
    id: 'cs-ashgrove-foxes-final',
    outlet: 'calder-sports',
    title: 'Ashgrove Foxes reach first national final after overtime win',
    section: 'sports',
    author: 'Nadia Quell',
    minutesAgo: 820,
    summary:
      'Dario Ekwueme scored 31 points as the Foxes beat the Eastmere Harriers 97-93 in overtime in the deciding game of their semifinal.',
    paragraphs: [
      'The Ashgrove Foxes will play in the national basketball final for the first time in the club’s 33-year history after beating the Eastmere Harriers 97-93 in overtime in the deciding fifth game of their semifinal series.',
      'Guard Dario Ekwueme scored 31 points, including a three-pointer with 4.2 seconds left in regulation that tied the game at 86-86. The Foxes scored the first seven points of overtime and held on as the Harriers missed four of their last five shots.',
      '“People kept telling us a town of 40,000 couldn’t get here,” said head coach Marisa Fell in front of a sellout crowd of 3,100 at Riverside Arena. “I told the players that the size of the town has nothing to do with the size of the hoop.”',
      'The Foxes will face the defending champions, the Aldreach Comets, who swept their semifinal 3-0, in a best-of-seven final starting next week. Ekwueme, who was born in Ashgrove, said he grew up watching the Foxes in a school gym. “We’ve come a long way from there,” he said.',
    ],
    image: {
      caption:
        'Ashgrove Foxes players celebrate on court at Riverside Arena after their overtime win over the Eastmere Harriers.',
      credit: 'Josef Arland/Calder Sports Desk',
    },
    tags: ['Basketball', 'Ashgrove Foxes', 'Playoffs'],
  },

  // ── Lattice Review (technology desk) ──
  {
    id: 'lr-flood-sensor-network',
    outlet: 'lattice-review',
    title: 'Low-cost sensors give Tarrow towns extra hour of flood warning',
    section: 'technology',
    author: 'Wilhelmina Oduro',
    minutesAgo: 2240,
    summary:
      'A network of 140 radar water-level sensors built at Port Wren Polytechnic warned towns up to 70 minutes before the national gauges in its first winter.',
    paragraphs: [
      'A network of 140 low-cost water-level sensors built by engineers at Port Wren Polytechnic has given towns along the Tarrow River up to 70 minutes more warning of rising water than the national gauges alone, according to results from its first winter.',
      'Each sensor costs about $190 and uses a small radar unit mounted under a bridge or jetty to measure the distance to the water surface every five minutes. Readings travel over a low-power radio network to a server that issues alerts when levels rise faster than a set threshold.',
      '“The national gauges are excellent, but there are eleven of them on the whole river,” said Dr. Kwame Aldridge, the project lead. “Floods in small towns often start in side streams that no gauge is watching. Cheap sensors let you watch everywhere.”',
      'During one storm, the network alerted Millbrook’s emergency coordinator 70 minutes before the national system when a tributary began to overflow. The Polytechnic has published the designs and software under an open license, and four councils on other rivers have asked to join a second phase.',
    ],
    image: {
      caption:
        'An engineer fixes a radar water-level sensor beneath a footbridge over the Tarrow River.',
      credit: 'Jonas Pell/Lattice Review',
    },
    tags: ['Sensors', 'Flooding', 'Open Hardware'],
  },
  {
    id: 'lr-digital-id-delay',
    outlet: 'lattice-review',
    title: 'National digital ID app delayed after audit finds security flaws',
    section: 'technology',
    author: 'Jonas Pell',
    minutesAgo: 660,
    summary:
      'The launch of the CivicKey identity app has been pushed back at least six months after auditors found four critical weaknesses, including reusable recovery codes.',
    paragraphs: [
      'The government has postponed the launch of its national digital ID app by at least six months after an independent security audit found flaws that could have let attackers take over a user’s account by intercepting a recovery code.',
      'The app, called CivicKey, was meant to let residents prove their identity online to file taxes, apply for benefits and open bank accounts. The audit, carried out by the firm Quillon Systems, found 23 issues, four of them rated critical, the Digital Services Agency said.',
      '“We would rather be late than launch something we are not sure of,” said Theo Marchbank, the agency’s director. “None of these weaknesses was ever exploited, because the app has never been live. That is exactly what testing is for.”',
      'The most serious flaw involved account recovery: codes sent by text message could be reused for up to 30 minutes. Security researcher Hana Brekke called the findings “uncomfortable but normal for a system of this size.” The project’s budget of $96 million is unchanged, the agency said.',
    ],
    image: {
      caption:
        'A test version of the CivicKey app runs on a phone at the Digital Services Agency in Aldreach.',
      credit: 'Jonas Pell/Lattice Review',
    },
    tags: ['Digital ID', 'Cybersecurity', 'Government IT'],
  },
];
