/**
 * Trains the category text model from labelled news and writes the model file.
 *
 *   npm run train:category -- --data ../shared/data/category [--out FILE] [--seed 1]
 *
 * Reads ag-news-dev.jsonl and bbc-dev.jsonl from --data. Deterministic: the same data and
 * seed give a byte-identical file. See docs/category-model.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import {
  MODEL_CATEGORIES,
  SCIENCE_PARENT,
  TEXT_MODEL_FORMAT,
  TEXT_MODEL_VERSION,
  compileLexicon,
  createFeaturizer,
  type CompiledLexicon,
  type FeatureOptions,
  type Features,
  type ModelCategory,
  type TextModelFile,
} from '../src/pipeline/enrich/text-model.js';

/** The data set files the committed model is trained on. */
export const TRAINING_FILES = ['ag-news-dev.jsonl', 'bbc-dev.jsonl'] as const;

/** Where the committed model lives. */
export const DEFAULT_MODEL_PATH = fileURLToPath(
  new URL('../src/pipeline/enrich/model/category-model.json', import.meta.url),
);

/** Data set label -> Tidings category (AG's News and BBC News labels). */
export const DATASET_LABELS: Readonly<Record<string, ModelCategory>> = {
  World: 'world-news',
  Sports: 'sports',
  sport: 'sports',
  Business: 'business',
  business: 'business',
  'Sci/Tech': 'technology',
  tech: 'technology',
  politics: 'politics',
  entertainment: 'entertainment',
};

// Featurization. 2^20 buckets keep hash collisions between the ~300k distinct words and
// word pairs rare; titles count twice; lexicon features are scaled to about one strong word.
const FEATURES: FeatureOptions = { hashBits: 19, titleWeight: 2, lexiconWeight: 0.3 };

// Naive Bayes smoothing and the logistic regression's L2 strength (on the summed loss);
// both picked by 5-fold cross-validation on ag-news-dev and bbc-dev.
const NB_ALPHA = 0.1;
const LR_LAMBDA = 0.01;
const LR_ITERATIONS = 80;
const LBFGS_MEMORY = 8;
// The ensemble adds naive Bayes and logistic regression log-scores with these weights.
const NB_SHARE = 0.4;
// Share of the training rows held out to fit the softmax temperature.
const CALIBRATION_SHARE = 0.2;
// The science head is trained only with at least this many science and technology rows.
const MIN_SUBCLASS_ROWS = 20;
// Weak labels: a technology row becomes science (a world row becomes politics) when the
// science (politics) lexicon hits at least this often and more than RATIO times as often as
// the technology (world) lexicon. Title hits count titleWeight times.
const WEAK_MIN_HITS = 3;
const WEAK_RATIO = 2;
// Feeds often carry a title and a sentence or two, while BBC rows are whole articles: each
// example of at least SHORT_FORM_MIN_WORDS words is also trained on as title plus its first
// SHORT_FORM_WORDS words, so short inputs of every category look like something seen.
const SHORT_FORM_MIN_WORDS = 120;
const SHORT_FORM_WORDS = 40;
// Weights are stored as int8 (QUANT_LEVELS steps per sign and column); a feature whose
// weights are all below MIN_KEPT_LEVEL steps is dropped, which shrinks the file by a third
// at no measurable cost in accuracy.
const QUANT_LEVELS = 127;
const MIN_KEPT_LEVEL = 4;

/**
 * Hand-written topic lexicons (1-2 words an entry), from general knowledge of news
 * sections, not from the data sets. They give the model a feature per topic that also
 * fires on words it never saw in training, and they derive the science and politics weak
 * labels (AG's News files science under Sci/Tech and US politics under World).
 */
export const LEXICONS: Readonly<Record<string, readonly string[]>> = {
  'world-news': list(`
afghanistan, albania, algeria, angola, argentina, armenia, austria, azerbaijan, bahrain,
bangladesh, belarus, belgium, bolivia, bosnia, brazil, bulgaria, burma, myanmar, burundi,
cambodia, cameroon, chad, chile, china, colombia, congo, croatia, cuba, cyprus, czech republic,
denmark, ecuador, egypt, el salvador, eritrea, estonia, ethiopia, finland, france, germany,
ghana, greece, guatemala, haiti, honduras, hungary, india, indonesia, iran, iraq, ireland,
israel, italy, ivory coast, jamaica, japan, jordan, kazakhstan, kenya, north korea, south korea,
kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, liberia, libya, lithuania, macedonia,
madagascar, malawi, malaysia, maldives, mali, mauritania, mexico, moldova, mongolia, montenegro,
morocco, mozambique, namibia, nepal, netherlands, nicaragua, niger, nigeria, norway, oman,
pakistan, palestine, panama, paraguay, peru, philippines, poland, portugal, qatar, romania,
russia, rwanda, saudi arabia, senegal, serbia, sierra leone, singapore, slovakia, slovenia,
somalia, south africa, spain, sri lanka, sudan, south sudan, sweden, switzerland, syria, taiwan,
tajikistan, tanzania, thailand, tibet, togo, tunisia, turkey, turkmenistan, uganda, ukraine, uae,
uruguay, uzbekistan, venezuela, vietnam, yemen, zambia, zimbabwe, chechnya, kashmir, darfur,
kurdistan, crimea, gaza, gaza strip, west bank, golan heights, middle east, balkans, caucasus,
afghan, iraqi, iranian, israeli, palestinian, syrian, lebanese, egyptian, saudi, pakistani,
chinese, japanese, korean, russian, ukrainian, chechen, kurdish, kurd, turkish, greek, serbian,
bosnian, albanian, armenian, uzbek, sudanese, somali, kenyan, nigerian, zimbabwean, congolese,
rwandan, ethiopian, libyan, algerian, moroccan, venezuelan, colombian, mexican, cuban, haitian,
bolivian, peruvian, filipino, indonesian, thai, vietnamese, burmese, nepalese, tamil,
sri lankan, bangladeshi, taiwanese, tibetan, uighur, yemeni, jordanian, kuwaiti, baghdad, basra,
mosul, fallujah, falluja, najaf, karbala, kirkuk, tikrit, ramadi, samarra, kabul, kandahar,
helmand, islamabad, karachi, lahore, peshawar, waziristan, tehran, jerusalem, tel aviv,
ramallah, hebron, jenin, nablus, rafah, beirut, damascus, aleppo, amman, cairo, riyadh, jeddah,
sanaa, khartoum, mogadishu, nairobi, addis ababa, lagos, abuja, harare, johannesburg, pretoria,
kinshasa, kigali, tripoli, benghazi, algiers, moscow, grozny, beslan, kiev, kyiv, minsk,
tbilisi, baku, yerevan, tashkent, beijing, pyongyang, seoul, taipei, manila, jakarta, bali,
aceh, bangkok, hanoi, phnom penh, rangoon, yangon, kathmandu, colombo, dhaka, new delhi,
srinagar, caracas, bogota, havana, buenos aires, brasilia, quito, la paz, the hague, kremlin,
united nations, security council, nato, african union, arab league, iaea, red cross,
amnesty international, human rights, unicef, unhcr, hamas, hezbollah, fatah, islamic jihad,
al-qaeda, qaeda, taliban, farc, janjaweed, mujahideen, isis, islamic state, boko haram,
al-shabab, houthi, houthis, militant, militants, insurgent, insurgents, insurgency, rebel,
rebels, guerrilla, guerrillas, militia, militiamen, jihadist, jihadists, extremist,
suicide bomber, suicide bombing, car bomb, roadside bomb, airstrike, air strike, shelling,
mortar, ceasefire, cease-fire, truce, peace talks, peace process, peace deal, peacekeeper,
peacekeepers, peacekeeping, refugee, refugees, refugee camp, displaced, humanitarian,
humanitarian aid, aid agency, famine, genocide, ethnic cleansing, massacre, atrocities,
war crimes, hostage, hostages, kidnappers, kidnapped, beheaded, beheading, occupation,
occupied territories, settlement, settlers, withdrawal, troops, soldiers, marines, army,
military, coup, junta, dictator, regime, warlord, embassy, ambassador, diplomat, diplomats,
diplomatic, envoy, foreign minister, foreign ministry, summit, bilateral, sanctions,
nuclear programme, nuclear program, enrichment, uranium, warhead, ballistic missile,
weapons inspectors, border, sovereignty, separatist, separatists, autonomy, annexation,
monarch, sheikh, ayatollah, cleric, mullah, shiite, shia, sunni, islamist, islamists, foreign,
international, abroad, earthquake, tsunami, typhoon, cyclone, monsoon, landslide, mudslide,
death toll, killed, wounded, gunmen, clashes, crackdown, protesters, uprising, martial law,
exile, dissident, political prisoner
`),
  politics: list(`
election, elections, general election, by-election, midterm, midterms, primary election,
primaries, caucus, caucuses, campaign trail, campaigning, candidate, candidates, nominee,
nomination, running mate, electorate, electoral, constituency, constituents, voter, voters,
vote, votes, voting, ballot, ballots, polling station, opinion poll, polls, poll lead,
turnout, manifesto, pledge, party conference, party leader, leadership contest, parliament,
parliamentary, mp, mps, commons, lords, speaker, whip, backbencher, backbenchers, frontbench,
shadow cabinet, shadow chancellor, cabinet, cabinet minister, cabinet reshuffle, reshuffle,
home secretary, foreign secretary, exchequer, downing street, whitehall, westminster,
prime minister, labour, labour party, tory, tories, conservative, conservatives,
conservative party, liberal democrat, liberal democrats, lib dem, lib dems, ukip, snp,
plaid cymru, green party, congress, congressional, congressman, congresswoman, senate, senator,
senators, lawmaker, lawmakers, legislator, legislators, legislation, legislative, legislature,
bill, amendment, filibuster, veto, impeachment, republican, republicans, democrat, democrats,
democratic party, gop, white house, capitol hill, oval office, governor, gubernatorial, mayor,
city council, state legislature, attorney general, policy, policies, reform, bipartisan,
partisan, incumbent, challenger, referendum, coalition, devolution, immigration, home office,
minister, ministers, ministerial, opposition, politician, politicians, political, politics,
spin doctor, lobbying, lobbyist, lobbyists, poll tax, council tax, public spending,
spending review, budget deficit, welfare, asylum, civil liberties, id cards, identity cards,
electoral commission, postal votes, hustings, landslide victory, swing voters, marginal seats,
seat, seats, majority, hung parliament, select committee, inquiry, civil servants,
civil service
`),
  business: list(`
shares, share price, stock, stocks, stock market, stock exchange, wall street, dow jones, dow,
nasdaq, s&p 500, ftse, ftse 100, nikkei, dax, cac 40, hang seng, trading, trader, traders,
investor, investors, shareholder, shareholders, dividend, dividends, earnings, profit,
profits, pretax, net income, operating profit, loss, losses, revenue, revenues, sales,
quarterly, first quarter, second quarter, third quarter, fourth quarter, fiscal, fiscal year,
forecast, forecasts, outlook, guidance, analyst, analysts, estimates, per share, ipo,
public offering, flotation, listing, merger, mergers, acquisition, acquisitions, takeover,
takeover bid, hostile bid, buyout, leveraged buyout, stake, private equity, hedge fund,
hedge funds, venture capital, bankruptcy, bankrupt, chapter 11, insolvency, administration,
creditors, debt, debts, bond, bonds, treasuries, yield, yields, interest rate, interest rates,
rate hike, rate rise, rate cut, central bank, federal reserve, fed, ecb, monetary policy,
inflation, deflation, gdp, economy, economic, economic growth, economist, economists,
recession, slowdown, unemployment, jobless, jobless claims, payrolls, consumer spending,
consumer confidence, retail sales, housing market, mortgage, mortgages, house prices,
trade deficit, current account, exports, imports, exporter, tariff, tariffs, currency,
currencies, dollar, euro, yen, yuan, sterling, exchange rate, oil price, oil prices, crude,
crude oil, barrel, barrels, opec, brent, commodity, commodities, ceo, chief executive,
financial officer, cfo, chairman, company, companies, firm, firms, corporation, corporate,
corp, inc, ltd, plc, subsidiary, conglomerate, retailer, retailers, retail, wholesale,
supermarket, supermarkets, airline, airlines, carmaker, automaker, automakers, manufacturer,
manufacturers, manufacturing, factory, factories, output, supplier, suppliers, consumer,
consumers, brand, brands, accounting, audit, auditor, regulator, regulators, sec, antitrust,
competition commission, fraud, layoffs, job cuts, workforce, employees, pension, pensions,
pension fund, insurance, insurer, insurers, bank, banks, banking, banker, bankers, lender,
lenders, loan, loans, credit, investment bank, brokerage, fund, funds, mutual fund, asset,
assets, valuation, market share, market value, market capitalization, profit warning,
results, turnover, margin, margins, cost cutting, restructuring, goldman sachs,
morgan stanley, jp morgan, citigroup, merrill lynch, hsbc, barclays, ubs, deutsche bank,
wal-mart, walmart, general motors, ford, chrysler, toyota, airbus, exxon, chevron, enron,
worldcom, berkshire hathaway, imf, world bank, wto, budget, tax, taxes, taxpayers, deal, deals,
billion, million, percent, per cent, growth, prices, price, market, markets, industry,
industries, business, businesses, finance, financial, executive, executives, investment,
investments, acquire, acquired, merge, tender offer, bid, bidder
`),
  technology: list(`
technology, tech, software, hardware, computer, computers, computing, pc, pcs, laptop,
laptops, desktop, server, servers, data center, data centre, cloud computing, chip, chips,
chipmaker, chipmakers, semiconductor, semiconductors, processor, processors, microprocessor,
cpu, gpu, memory chip, transistor, internet, web, website, web site, websites, online,
browser, web browser, search engine, broadband, wi-fi, wifi, wireless, bluetooth, 3g, 4g, 5g,
telecom, telecoms, mobile phone, mobile phones, cell phone, cellphone, smartphone,
smartphones, handset, handsets, iphone, android, ios, tablet, ipad, ipod, mp3, mp3 player,
digital music, music download, file-sharing, file sharing, file-swapping, p2p, napster, kazaa,
bittorrent, itunes, gadget, gadgets, device, devices, consumer electronics, camera phone,
digital camera, hdtv, high-definition, dvd, dvds, blu-ray, video game, video games,
videogame, games console, console, consoles, xbox, playstation, nintendo, gamer, gamers,
gaming, email, e-mail, spam, spammer, spammers, phishing, computer virus, worm, malware,
spyware, adware, trojan, hacker, hackers, hacking, cyber, cybersecurity, cyber attack,
cyber-attack, security flaw, vulnerability, vulnerabilities, patch, exploit, password,
passwords, encryption, firewall, antivirus, anti-virus, operating system, windows, windows xp,
linux, unix, open source, open-source, source code, programmer, programmers, developer,
developers, programming, app, apps, application, applications, database, algorithm,
algorithms, artificial intelligence, machine learning, robot, robots, robotics,
supercomputer, supercomputers, silicon valley, start-up, startup, microsoft, google, apple,
intel, amd, ibm, oracle, sun microsystems, hewlett-packard, hp, dell, cisco, nokia, motorola,
samsung, yahoo, ebay, aol, netscape, mozilla, firefox, internet explorer, java, red hat,
novell, sap, peoplesoft, symantec, mcafee, adobe, nvidia, qualcomm, texas instruments,
broadcom, ericsson, blackberry, palm, tivo, skype, voip, facebook, twitter, social network,
social networking, social media, blog, blogs, blogger, bloggers, blogging, podcast, podcasts,
streaming, download, downloads, downloading, upload, digital, cyberspace, domain name, icann,
html, xml, bandwidth, fibre optic, fiber optic, rfid, gps, nanotechnology, gigabyte,
megabyte, terabyte, storage, hard drive, hard disk, flash memory, usb, lcd, plasma screen,
touchscreen, keyboard, printer, printers, webcam, users, user, net, web users,
internet users, pixels, megapixel, wireless network, networking, router, routers, modem,
semiconductor industry, it industry, information technology, tech firm, tech firms,
tech giant, search giant, software giant, software maker, microsoft windows, service pack,
beta, upgrade, version, interface, code, computer scientists
`),
  science: list(`
science, scientist, scientists, scientific, researcher, researchers, laboratory, physics,
physicist, physicists, chemistry, chemist, chemists, biology, biologist, biologists, geology,
geologist, geologists, astronomy, astronomer, astronomers, astrophysics, astrophysicist,
cosmology, nasa, esa, space agency, spacecraft, space station, space shuttle, shuttle,
astronaut, astronauts, cosmonaut, cosmonauts, rocket, rockets, launch pad, orbit, orbiting,
orbital, space probe, lander, rover, rovers, telescope, telescopes, hubble, mars, martian,
venus, jupiter, saturn, titan, pluto, moon, moons, lunar, solar system, planet, planets,
planetary, exoplanet, exoplanets, comet, comets, asteroid, asteroids, meteor, meteorite,
galaxy, galaxies, nebula, supernova, black hole, black holes, universe, big bang,
dark matter, dark energy, gravity, gravitational, light-years, cassini, huygens, species,
evolution, evolutionary, fossil, fossils, fossilised, fossilized, dinosaur, dinosaurs,
paleontologist, palaeontologist, archaeologist, archaeologists, archaeology, archaeological,
excavation, skeleton, skull, extinct, extinction, endangered species, wildlife, habitat,
habitats, ecosystem, ecosystems, biodiversity, conservation, conservationists, animal,
animals, mammal, mammals, birds, shark, sharks, whale, whales, dolphin, dolphins, turtle,
turtles, frog, frogs, insect, insects, bee, bees, butterfly, butterflies, spider, spiders, ape,
apes, chimpanzee, chimpanzees, gorilla, gorillas, monkey, monkeys, primate, primates, panda,
pandas, tiger, tigers, elephant, elephants, wolf, wolves, penguin, penguins, coral,
coral reef, reef, reefs, rainforest, deforestation, climate, climate change, global warming,
greenhouse gas, greenhouse gases, greenhouse effect, carbon dioxide, co2, methane, emissions,
kyoto protocol, ozone, ozone layer, atmosphere, atmospheric, arctic, antarctic, antarctica,
glacier, glaciers, ice sheet, sea ice, sea level, sea levels, oceanographer, marine,
marine life, el nino, gene, genes, genetic, genetics, geneticist, genome, genomes, dna, rna,
chromosome, chromosomes, stem cell, stem cells, cloning, cloned, protein, proteins, molecule,
molecules, molecular, enzyme, bacteria, bacterium, microbe, microbes, microbial,
neuroscience, neuroscientist, neuron, neurons, particle, particles, atom, atoms, atomic,
quantum, laser, lasers, nuclear fusion, cern, collider, hadron, neutrino, neutrinos,
electron, electrons, photon, photons, magnetic field, volcano, volcanoes, volcanic,
eruption, seismic, seismologist, seismologists, tectonic, meteorologist, meteorologists,
journal nature, journal science, peer-reviewed, hypothesis, observatory, microscope,
specimen, specimens, nobel prize, caltech, royal society, zoologist, zoology, botanist,
botany, ecologist, ecology, pollution, pollutants, natural history, prehistoric, ice age
`),
  sports: list(`
sport, sports, football, soccer, rugby, rugby union, rugby league, cricket, tennis, golf,
basketball, baseball, hockey, ice hockey, boxing, wrestling, athletics, marathon, cycling,
cyclist, swimming, swimmer, rowing, sailing, skiing, skier, snowboarding, skating,
figure skating, gymnastics, gymnast, volleyball, handball, badminton, snooker, darts,
horse racing, motor racing, formula one, f1, grand prix, nascar, indycar, motogp, olympics,
olympic, olympian, olympians, paralympic, paralympics, world cup, european championship,
champions league, europa league, uefa cup, uefa, fifa, premier league, premiership, la liga,
serie a, bundesliga, fa cup, league cup, carling cup, six nations, tri-nations, ashes,
test match, wimbledon, us open, french open, roland garros, australian open, grand slam,
davis cup, ryder cup, the masters, pga, pga tour, lpga, super bowl, world series,
stanley cup, nba finals, playoff, playoffs, postseason, preseason, regular season, nfl, nba,
mlb, nhl, mls, ncaa, college football, bowl game, heisman, big ten, big east, big 12, pac-10,
team, teams, squad, coach, coaches, coaching, head coach, player, players, captain, striker,
strikers, midfielder, midfielders, defender, defenders, goalkeeper, goalie, keeper, winger,
quarterback, quarterbacks, running back, wide receiver, linebacker, cornerback, tight end,
touchdown, touchdowns, field goal, interception, interceptions, rushing yards, yards, sacks,
kickoff, halftime, half-time, overtime, inning, innings, pitcher, pitchers, pitching, batter,
batters, batting, home run, home runs, homer, homers, rbi, rbis, strikeout, strikeouts,
no-hitter, shortstop, outfielder, infielder, bullpen, slugger, dugout, wicket, wickets,
bowler, bowlers, batsman, batsmen, scrum, fly-half, lineout, dunk, rebounds, three-pointer,
point guard, free throw, free throws, hat-trick, hat trick, penalty kick, free kick,
corner kick, offside, red card, yellow card, referee, referees, umpire, linesman, goal,
goals, scored, scoring, scorer, winning goal, equaliser, equalizer, victory, defeat,
defeated, unbeaten, winless, losing streak, winning streak, match, matches, fixture,
fixtures, tournament, tournaments, championship, championships, champion, champions, title,
semifinal, semifinals, semi-final, semi-finals, quarterfinal, quarter-final, quarter-finals,
final, finals, medal, medals, gold medal, silver medal, bronze medal, medallist, medalist,
podium, world record, sprint, sprinter, relay, hurdles, long jump, high jump, pole vault,
javelin, decathlon, heptathlon, doping, drug test, steroids, steroid, wada, top seed, seeded,
tiebreak, tie-break, fairway, birdie, birdies, bogey, bogeys, par, putt, caddie,
leaderboard, jockey, racehorse, pole position, lap, laps, pit stop, knockout, heavyweight,
bout, stadium, arena, ballpark, fans, supporters, transfer, transfer window, transfer fee,
signing, contract extension, free agent, free agency, draft, draft pick, rookie, all-star,
mvp, league, season, teammate, teammates, roster, injured list, hamstring, ankle, groin,
sidelined, manager, midfield, defence, defense, offense, offence, win, wins, won, beat,
beats, lose, lost, draw, tied, game, games, play, played, playing, score, scores, yankees,
red sox, dodgers, mets, cubs, white sox, phillies, orioles, astros, mariners, padres,
diamondbacks, brewers, rockies, marlins, blue jays, expos, devil rays, seahawks, buccaneers,
redskins, broncos, cowboys, bengals, texans, steelers, packers, 49ers, celtics, knicks,
76ers, lakers, clippers, mavericks, timberwolves, nuggets, cavaliers, raptors, supersonics,
trail blazers, bruins, canadiens, maple leafs, red wings, blackhawks, canucks, flyers, sabres,
blue jackets, manchester united, man utd, manchester city, man city, arsenal, chelsea,
liverpool, everton, tottenham, tottenham hotspur, newcastle united, aston villa, west ham,
leeds united, southampton, fulham, blackburn rovers, bolton wanderers, middlesbrough,
charlton, portsmouth, crystal palace, celtic, real madrid, atletico madrid, juventus,
ac milan, inter milan, bayern munich, borussia dortmund, ajax, psv eindhoven, benfica,
athlete, athletes, sportsman
`),
  entertainment: list(`
film, films, movie, movies, cinema, cinemas, box office, blockbuster, hollywood, bollywood,
director, filmmaker, film-maker, screenplay, screenwriter, actor, actors, actress, actresses,
starring, co-star, cast, role, roles, sequel, remake, trailer, premiere, red carpet, oscar,
oscars, academy award, academy awards, golden globe, golden globes, bafta, baftas, emmy,
emmys, grammy, grammys, brit awards, mtv, cannes, sundance, film festival, animated,
animation, pixar, disney, dreamworks, warner bros, paramount, miramax, netflix, hbo, tv,
television, tv show, tv series, series, sitcom, drama, comedy, comedian, comedians,
stand-up, soap opera, soap, reality tv, reality show, talent show, pop idol, american idol,
x factor, big brother, presenter, chat show, talk show, episode, episodes, viewers, ratings,
audience, audiences, music, song, songs, single, album, albums, chart, charts, number one,
singer, singers, singer-songwriter, band, bands, rock, pop, hip-hop, hip hop, rap, rapper,
rappers, r&b, soul, country music, classical music, orchestra, opera, concert, concerts,
tour, gig, gigs, festival, festivals, glastonbury, record label, record deal, musician,
musicians, guitarist, drummer, vocalist, lyrics, music video, theatre, theater, stage,
west end, broadway, musical, playwright, ballet, book, books, novel, novels, novelist,
author, authors, bestseller, best-seller, bestselling, publisher, literary, booker prize,
poet, poetry, celebrity, celebrities, star, stars, fame, paparazzi, tabloid, gossip,
supermodel, art, artist, artists, exhibition, gallery, museum, painting, paintings, painter,
sculpture, soundtrack, showbiz, entertainment, entertainer, entertainers, hit, hits, studio,
studios, producer, producers, nominated, nominations, award, awards, ceremony, prize,
screen, stardom, sitcoms, documentary, documentaries, thriller, horror film,
romantic comedy, biopic, cartoon, superhero, dvd sales, film industry, music industry,
box-office, grossed
`),
};

function list(s: string): string[] {
  return s
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
}

// ---------------------------------------------------------------------------------------
// Data

/** One labelled row as read from a data set file. */
export interface LabelledRow {
  id: string;
  label: string;
  title: string;
  text: string;
}

/** A training example in Tidings' categories. */
export interface Example {
  title: string;
  text: string;
  category: ModelCategory;
}

/** Reads a JSONL file of `{ id?, label, title, text }` rows; throws on a malformed line. */
export function readLabelledRows(file: string): LabelledRow[] {
  const rows: LabelledRow[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const r: unknown = JSON.parse(line);
      if (
        typeof r !== 'object' ||
        r === null ||
        !('label' in r) ||
        typeof r.label !== 'string' ||
        !('title' in r) ||
        typeof r.title !== 'string'
      ) {
        throw new Error(`${file}:${i + 1}: a row needs string label and title`);
      }
      const text = 'text' in r && typeof r.text === 'string' ? r.text : '';
      const id = 'id' in r && typeof r.id === 'string' ? r.id : String(i + 1);
      rows.push({ id, label: r.label, title: r.title, text });
    });
  return rows;
}

/** Maps a data set label to a Tidings category, or undefined for an unknown label. */
export function categoryOfLabel(label: string): ModelCategory | undefined {
  return Object.hasOwn(DATASET_LABELS, label) ? DATASET_LABELS[label] : undefined;
}

/** A seeded PRNG (mulberry32), so folds and splits are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0..n-1 in a seeded random order. */
export function shuffledIndices(n: number, seed: number): number[] {
  const rnd = seededRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

// ---------------------------------------------------------------------------------------
// Learners. Both see documents as sparse vectors over "columns": the distinct feature
// indices of the training set, numbered in order of first appearance.

interface Doc {
  cols: Int32Array;
  vals: Float64Array;
  mass: number;
}

interface Linear {
  /** cols * k weights, row-major. */
  w: Float64Array;
  b: Float64Array;
  /** Weight on the document's feature mass (naive Bayes' unseen-feature term). */
  m: Float64Array;
}

function trainNaiveBayes(docs: Doc[], ys: Int32Array, k: number, ncols: number): Linear {
  const counts = new Float64Array(ncols * k);
  const totals = new Float64Array(k);
  const docsPer = new Float64Array(k);
  docs.forEach((d, i) => {
    const y = ys[i]!;
    docsPer[y]!++;
    for (let j = 0; j < d.cols.length; j++) {
      counts[d.cols[j]! * k + y]! += d.vals[j]!;
      totals[y]! += d.vals[j]!;
    }
  });
  const w = new Float64Array(ncols * k);
  const m = new Float64Array(k);
  const b = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const denom = Math.log(totals[c]! + NB_ALPHA * ncols);
    m[c] = Math.log(NB_ALPHA) - denom;
    b[c] = Math.log((docsPer[c]! + 1) / (docs.length + k));
    for (let j = 0; j < ncols; j++) {
      w[j * k + c] = Math.log(counts[j * k + c]! + NB_ALPHA) - denom - m[c]!;
    }
  }
  return { w, b, m };
}

// Multinomial logistic regression, L2-penalized, fitted by L-BFGS on the full batch:
// deterministic, and on a few thousand documents faster than tuning SGD.
function trainLogistic(docs: Doc[], ys: Int32Array, k: number, ncols: number): Linear {
  const nw = ncols * k;
  const theta = new Float64Array(nw + k);
  const z = new Float64Array(k);
  const objective = (th: Float64Array, g: Float64Array): number => {
    g.fill(0);
    let loss = 0;
    docs.forEach((d, i) => {
      for (let c = 0; c < k; c++) z[c] = th[nw + c]!;
      for (let j = 0; j < d.cols.length; j++) {
        const o = d.cols[j]! * k;
        const v = d.vals[j]!;
        for (let c = 0; c < k; c++) z[c]! += th[o + c]! * v;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) {
        z[c] = Math.exp(z[c]! - max);
        sum += z[c]!;
      }
      const y = ys[i]!;
      loss -= Math.log(z[y]! / sum);
      for (let c = 0; c < k; c++) z[c] = z[c]! / sum - (c === y ? 1 : 0);
      for (let j = 0; j < d.cols.length; j++) {
        const o = d.cols[j]! * k;
        const v = d.vals[j]!;
        for (let c = 0; c < k; c++) g[o + c]! += z[c]! * v;
      }
      for (let c = 0; c < k; c++) g[nw + c]! += z[c]!;
    });
    for (let i = 0; i < nw; i++) {
      loss += 0.5 * LR_LAMBDA * th[i]! * th[i]!;
      g[i]! += LR_LAMBDA * th[i]!;
    }
    return loss;
  };
  minimizeLbfgs(theta, objective, LR_ITERATIONS);
  return { w: theta.slice(0, nw), b: theta.slice(nw), m: new Float64Array(k) };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function minimizeLbfgs(
  x: Float64Array,
  f: (x: Float64Array, g: Float64Array) => number,
  iterations: number,
): void {
  const n = x.length;
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const xNext = new Float64Array(n);
  const gNext = new Float64Array(n);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  let fx = f(x, g);
  for (let it = 0; it < iterations; it++) {
    d.set(g);
    const alpha: number[] = [];
    for (let i = S.length - 1; i >= 0; i--) {
      const a = rho[i]! * dot(S[i]!, d);
      alpha[i] = a;
      const y = Y[i]!;
      for (let j = 0; j < n; j++) d[j]! -= a * y[j]!;
    }
    const last = S.length - 1;
    const gamma =
      last >= 0 ? dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!) : 1 / Math.sqrt(dot(g, g));
    for (let j = 0; j < n; j++) d[j]! *= gamma;
    for (let i = 0; i < S.length; i++) {
      const beta = rho[i]! * dot(Y[i]!, d);
      const s = S[i]!;
      for (let j = 0; j < n; j++) d[j]! += s[j]! * (alpha[i]! - beta);
    }
    const slope = dot(g, d);
    if (!(slope > 0)) break;
    let step = 1;
    let fNext = Infinity;
    for (let ls = 0; ls < 30; ls++) {
      for (let j = 0; j < n; j++) xNext[j] = x[j]! - step * d[j]!;
      fNext = f(xNext, gNext);
      if (fNext <= fx - 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNext < fx)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      s[j] = xNext[j]! - x[j]!;
      y[j] = gNext[j]! - g[j]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > LBFGS_MEMORY) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    x.set(xNext);
    g.set(gNext);
    const improvement = (fx - fNext) / Math.max(1, Math.abs(fx));
    fx = fNext;
    if (improvement < 1e-6) break;
  }
}

// ---------------------------------------------------------------------------------------
// The model

/** How each training row ended up labelled (for the file's provenance and the docs). */
export interface TrainingSummary {
  rows: Record<string, number>;
  weakScience: number;
  weakPolitics: number;
  shortForms: number;
}

interface Ensemble {
  labels: ModelCategory[];
  /** Per column, k weights: NB_SHARE * naive Bayes + (1 - NB_SHARE) * logistic (idf-scaled). */
  w: Float64Array;
  b: Float64Array;
  m: Float64Array;
}

interface Prepared {
  /** One entry per example, then one per short-form copy. */
  features: Features[];
  categories: ModelCategory[];
  /** The example each entry came from, so a copy never lands on the other side of a split. */
  group: number[];
  lexicon: CompiledLexicon;
  summary: TrainingSummary;
}

function lexiconIndex(lexicon: CompiledLexicon, name: string): number {
  const i = lexicon.names.indexOf(name);
  if (i < 0) throw new Error(`train-category-model: no "${name}" lexicon`);
  return i;
}

// AG's News files science under Sci/Tech and US politics under World. Rows whose words
// are mostly from the science (politics) lexicon are relabelled so the model can learn
// those categories; politics only when the data also has real politics rows to anchor it.
function prepare(examples: readonly Example[]): Prepared {
  const lexicon = compileLexicon(LEXICONS);
  const featurizer = createFeaturizer(FEATURES, lexicon);
  const features = examples.map((e) => featurizer.extract(e.title, e.text));
  const hasPolitics = examples.some((e) => e.category === 'politics');
  const sci = lexiconIndex(lexicon, 'science');
  const tech = lexiconIndex(lexicon, 'technology');
  const pol = lexiconIndex(lexicon, 'politics');
  const world = lexiconIndex(lexicon, 'world-news');
  let weakScience = 0;
  let weakPolitics = 0;
  const outranks = (h: Float64Array, a: number, b: number): boolean =>
    h[a]! >= WEAK_MIN_HITS && h[a]! > WEAK_RATIO * h[b]!;
  const categories = examples.map((e, i): ModelCategory => {
    const h = features[i]!.lexiconHits;
    if (e.category === 'technology' && outranks(h, sci, tech)) {
      weakScience++;
      return 'science';
    }
    if (e.category === 'world-news' && hasPolitics && outranks(h, pol, world)) {
      weakPolitics++;
      return 'politics';
    }
    return e.category;
  });
  const rows: Record<string, number> = {};
  for (const c of categories) rows[c] = (rows[c] ?? 0) + 1;
  const group = examples.map((_, i) => i);
  let shortForms = 0;
  examples.forEach((e, i) => {
    const words = e.text.split(/\s+/);
    if (words.length < SHORT_FORM_MIN_WORDS) return;
    features.push(featurizer.extract(e.title, words.slice(0, SHORT_FORM_WORDS).join(' ')));
    categories.push(categories[i]!);
    group.push(i);
    shortForms++;
  });
  return {
    features,
    categories,
    group,
    lexicon,
    summary: { rows, weakScience, weakPolitics, shortForms },
  };
}

function toDocs(features: readonly Features[], colOf: Map<number, number>, grow: boolean): Doc[] {
  return features.map((f) => {
    const cols: number[] = [];
    const vals: number[] = [];
    for (let j = 0; j < f.index.length; j++) {
      let c = colOf.get(f.index[j]!);
      if (c === undefined) {
        if (!grow) continue;
        c = colOf.size;
        colOf.set(f.index[j]!, c);
      }
      cols.push(c);
      vals.push(f.value[j]!);
    }
    return { cols: Int32Array.from(cols), vals: Float64Array.from(vals), mass: f.mass };
  });
}

// Inverse document frequency per column; logistic regression sees idf-scaled values (the
// scale is folded into its weights afterwards, so inference needs no idf table).
function inverseDocumentFrequency(
  docs: Doc[],
  ncols: number,
  firstLexiconFeature: number,
  colFeature: Int32Array,
): Float64Array {
  const df = new Float64Array(ncols);
  for (const d of docs) for (const c of d.cols) df[c]!++;
  return Float64Array.from(df, (n, c) =>
    colFeature[c]! >= firstLexiconFeature ? 1 : Math.log((docs.length + 1) / (n + 1)) + 1,
  );
}

function scaled(docs: Doc[], idf: Float64Array): Doc[] {
  return docs.map((d) => ({
    cols: d.cols,
    vals: Float64Array.from(d.vals, (v, j) => v * idf[d.cols[j]!]!),
    mass: d.mass,
  }));
}

function trainEnsemble(
  features: readonly Features[],
  categories: readonly ModelCategory[],
): { model: Ensemble; colOf: Map<number, number> } {
  const labels = MODEL_CATEGORIES.filter(
    (c) => c !== 'science' && categories.some((x) => (x === 'science' ? SCIENCE_PARENT : x) === c),
  );
  const k = labels.length;
  const ys = Int32Array.from(categories, (c) =>
    labels.indexOf(c === 'science' ? SCIENCE_PARENT : c),
  );
  const colOf = new Map<number, number>();
  const docs = toDocs(features, colOf, true);
  const ncols = colOf.size;
  const colFeature = new Int32Array(ncols);
  for (const [feature, c] of colOf) colFeature[c] = feature;
  const idf = inverseDocumentFrequency(docs, ncols, 2 ** FEATURES.hashBits, colFeature);
  const nb = trainNaiveBayes(docs, ys, k, ncols);
  const lr = trainLogistic(scaled(docs, idf), ys, k, ncols);
  const w = new Float64Array(ncols * k);
  for (let j = 0; j < ncols; j++) {
    for (let c = 0; c < k; c++) {
      const i = j * k + c;
      w[i] = NB_SHARE * nb.w[i]! + (1 - NB_SHARE) * idf[j]! * lr.w[i]!;
    }
  }
  const b = Float64Array.from(nb.b, (v, c) => NB_SHARE * v + (1 - NB_SHARE) * lr.b[c]!);
  const m = Float64Array.from(nb.m, (v) => NB_SHARE * v);
  return { model: { labels, w, b, m }, colOf };
}

function ensembleScores(model: Ensemble, colOf: Map<number, number>, f: Features): Float64Array {
  const k = model.labels.length;
  const z = Float64Array.from(model.b, (b, c) => b + model.m[c]! * f.mass);
  for (let j = 0; j < f.index.length; j++) {
    const col = colOf.get(f.index[j]!);
    if (col === undefined) continue;
    for (let c = 0; c < k; c++) z[c]! += f.value[j]! * model.w[col * k + c]!;
  }
  return z;
}

function negLogLikelihood(scores: Float64Array[], ys: number[], t: number): number {
  let nll = 0;
  scores.forEach((z, i) => {
    let max = -Infinity;
    for (const v of z) max = Math.max(max, v / t);
    let sum = 0;
    for (const v of z) sum += Math.exp(v / t - max);
    nll -= z[ys[i]!]! / t - max - Math.log(sum);
  });
  return nll;
}

// Golden-section search for the softmax temperature that minimizes held-out log loss.
function fitTemperature(scores: Float64Array[], ys: number[]): number {
  let lo = Math.log(0.05);
  let hi = Math.log(50);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - r * (hi - lo);
    const b = lo + r * (hi - lo);
    if (negLogLikelihood(scores, ys, Math.exp(a)) < negLogLikelihood(scores, ys, Math.exp(b)))
      hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

function calibrate(prep: Prepared, seed: number): number {
  const groups = Math.max(...prep.group) + 1;
  const order = shuffledIndices(groups, seed);
  const heldGroups = new Set(order.slice(0, Math.round(groups * CALIBRATION_SHARE)));
  const all = prep.group.map((_, i) => i);
  const held = all.filter((i) => heldGroups.has(prep.group[i]!));
  const fit = all.filter((i) => !heldGroups.has(prep.group[i]!));
  const { model, colOf } = trainEnsemble(
    fit.map((i) => prep.features[i]!),
    fit.map((i) => prep.categories[i]!),
  );
  const parent = (c: ModelCategory): ModelCategory => (c === 'science' ? SCIENCE_PARENT : c);
  const usable = held.filter((i) => model.labels.includes(parent(prep.categories[i]!)));
  const scores = usable.map((i) => ensembleScores(model, colOf, prep.features[i]!));
  const ys = usable.map((i) => model.labels.indexOf(parent(prep.categories[i]!)));
  return fitTemperature(scores, ys);
}

// Science vs technology among the technology rows: a binary logistic regression on the
// weak labels, stored as one extra weight column (its log-odds).
function trainScienceHead(
  prep: Prepared,
  colOf: Map<number, number>,
  ncols: number,
): { w: Float64Array; b: number; m: number } | undefined {
  const rows = prep.categories
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c === 'science' || c === SCIENCE_PARENT);
  const positives = rows.filter(({ c }) => c === 'science').length;
  if (positives < MIN_SUBCLASS_ROWS || rows.length - positives < MIN_SUBCLASS_ROWS)
    return undefined;
  const docs = toDocs(
    rows.map(({ i }) => prep.features[i]!),
    colOf,
    false,
  );
  const colFeature = new Int32Array(ncols);
  for (const [feature, c] of colOf) colFeature[c] = feature;
  const idf = inverseDocumentFrequency(docs, ncols, 2 ** FEATURES.hashBits, colFeature);
  const ys = Int32Array.from(rows, ({ c }) => (c === 'science' ? 1 : 0));
  const lr = trainLogistic(scaled(docs, idf), ys, 2, ncols);
  const w = new Float64Array(ncols);
  for (let j = 0; j < ncols; j++) w[j] = idf[j]! * (lr.w[j * 2 + 1]! - lr.w[j * 2]!);
  return { w, b: lr.b[1]! - lr.b[0]!, m: 0 };
}

function encodeGaps(sorted: number[]): string {
  const bytes: number[] = [];
  let prev = -1;
  for (const idx of sorted) {
    let gap = idx - prev - 1;
    prev = idx;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap = Math.floor(gap / 0x80);
    }
    bytes.push(gap);
  }
  return Buffer.from(bytes).toString('base64');
}

function round(x: number, digits = 6): number {
  return Number(x.toPrecision(digits));
}

/** Options for `trainTextModel`. */
export interface TrainOptions {
  /** Seeds the calibration split; the only randomness in training. */
  seed: number;
  /** Recorded in the file's `trainedOn`. */
  provenance?: Record<string, unknown>;
}

/** Trains a model on examples in Tidings' categories; returns the model file's JSON. */
export function trainTextModel(examples: readonly Example[], options: TrainOptions): TextModelFile {
  const prep = prepare(examples);
  const temperature = calibrate(prep, options.seed);
  const { model, colOf } = trainEnsemble(prep.features, prep.categories);
  const k = model.labels.length;
  const ncols = colOf.size;
  const science = model.labels.includes(SCIENCE_PARENT)
    ? trainScienceHead(prep, colOf, ncols)
    : undefined;
  const columns = k + (science ? 1 : 0);

  // Centre each row over the labels (softmax ignores a shift shared by all labels), then
  // quantize each column to int8 and drop rows that round to all zeros.
  const centred = new Float64Array(ncols * columns);
  for (let j = 0; j < ncols; j++) {
    let mean = 0;
    for (let c = 0; c < k; c++) mean += model.w[j * k + c]!;
    mean /= k;
    for (let c = 0; c < k; c++) centred[j * columns + c] = model.w[j * k + c]! - mean;
    if (science) centred[j * columns + k] = science.w[j]!;
  }
  const scale = Array.from({ length: columns }, (_, c) => {
    let max = 0;
    for (let j = 0; j < ncols; j++) max = Math.max(max, Math.abs(centred[j * columns + c]!));
    return round(max / QUANT_LEVELS || 1);
  });
  const kept: { feature: number; q: number[] }[] = [];
  for (const [feature, j] of colOf) {
    const q = Array.from({ length: columns }, (_, c) =>
      Math.round(centred[j * columns + c]! / scale[c]!),
    );
    if (q.some((v) => Math.abs(v) >= MIN_KEPT_LEVEL)) kept.push({ feature, q });
  }
  kept.sort((a, b) => a.feature - b.feature);
  const weights = new Int8Array(kept.length * columns);
  kept.forEach(({ q }, r) => q.forEach((v, c) => (weights[r * columns + c] = v)));

  return {
    format: TEXT_MODEL_FORMAT,
    version: TEXT_MODEL_VERSION,
    labels: model.labels,
    features: FEATURES,
    lexicon: Object.fromEntries(Object.entries(LEXICONS).map(([n, l]) => [n, [...l]])),
    temperature: round(temperature),
    bias: Array.from(model.b, (v) => round(v)),
    massWeight: Array.from(model.m, (v) => round(v)),
    science: science ? { bias: round(science.b), massWeight: science.m } : null,
    table: {
      rows: kept.length,
      index: encodeGaps(kept.map((r) => r.feature)),
      weights: Buffer.from(weights.buffer).toString('base64'),
      scale,
    },
    trainedOn: { ...options.provenance, seed: options.seed, ...prep.summary },
  };
}

/** Maps labelled rows to examples, dropping rows whose label has no Tidings category. */
export function toExamples(rows: readonly LabelledRow[]): Example[] {
  const out: Example[] = [];
  for (const r of rows) {
    const category = categoryOfLabel(r.label);
    if (category) out.push({ title: r.title, text: r.text, category });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// CLI

function parseArgs(argv: string[]): { data: string; out: string; seed: number } {
  let data: string | undefined;
  let out = DEFAULT_MODEL_PATH;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--data' && v) data = v;
    else if (a === '--out' && v) out = v;
    else if (a === '--seed' && v) seed = Number(v);
    else throw new Error(`unknown or incomplete argument: ${a}`);
    i++;
  }
  if (!data) throw new Error('usage: train-category-model --data DIR [--out FILE] [--seed N]');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { data, out, seed };
}

async function main(): Promise<void> {
  const { data, out, seed } = parseArgs(process.argv.slice(2));
  const examples = TRAINING_FILES.flatMap((f) => toExamples(readLabelledRows(join(data, f))));
  const started = Date.now();
  const model = trainTextModel(examples, {
    seed,
    provenance: { files: [...TRAINING_FILES], examples: examples.length },
  });
  // Formatted with the repo's Prettier config wherever it is written, so `prettier --check .`
  // passes and the same seed gives the same bytes.
  const json = await format(JSON.stringify(model), {
    ...(await resolveConfig(DEFAULT_MODEL_PATH)),
    parser: 'json',
  });
  writeFileSync(out, json);
  console.log(
    JSON.stringify({
      out,
      bytes: Buffer.byteLength(json),
      rows: model.table.rows,
      labels: model.labels,
      science: model.science !== null,
      temperature: model.temperature,
      seconds: (Date.now() - started) / 1000,
      trainedOn: model.trainedOn,
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
