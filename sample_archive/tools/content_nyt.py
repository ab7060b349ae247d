"""New York Times sample articles (2018+ React template). Texts written for this archive.

These represent pages archived by legitimate means: they parse fully. Block kinds: ("p", html) body paragraph;
("sub", text) body subhead (h2); ("img", caption, credit, image name) figure inside the body; ("break",) closes a
StoryBodyCompanionColumn and puts an "Advertisement" slot between columns. `related` lists links shown after the
body. Times in `published`/`modified` are UTC; the URL date, pdate and ptime use New York time.
"""

STATIC = "https://static01.nyt.com/images/"

ARTICLES = [
    # ------------------------------------------------------------------ 2024-08-04 smuggling
    dict(
        key="nyt_20240804_chip_gray_market",
        kind="article",
        path="/2024/08/04/technology/china-nvidia-chips-gray-market.html",
        section="Technology",
        published="2024-08-04T09:00:14.000Z",
        modified="2024-08-04T13:22:09.000Z",
        title="A Thriving Gray Market Keeps Banned Nvidia Chips Flowing Into China",
        description="Two years of U.S. export controls have not stopped traders from selling Nvidia’s most advanced "
        "A.I. chips to Chinese buyers, interviews and records show.",
        authors=[("Hanna Lindqvist", "hanna-lindqvist"), ("Daniel Okafor", "daniel-okafor")],
        image=("A market for electronic components in Shenzhen, China, where restricted chips are quietly "
               "offered to buyers.", "Qilai Shen for The New York Times", "2024/08/04/multimedia/04chips-market"),
        blocks=[
            ("p", "Two years after the United States barred the sale of its most powerful artificial intelligence "
             "chips to China, a thriving underground trade is still delivering them to Chinese universities, "
             "research labs and companies."),
            ("p", "Representatives of 11 companies told The New York Times that they had sold or shipped restricted "
             "Nvidia chips, including the A100 and H100, into China over the past year. Dozens of other businesses "
             "advertised the chips openly on Chinese e-commerce sites and messaging apps."),
            ("p", "In one deal, a seller in Shenzhen arranged to deliver servers containing more than 2,000 of "
             "Nvidia’s most advanced chips to a buyer, according to documents reviewed by The Times. The order "
             "was worth $103 million."),
            ("break",),
            ("p", "The trade shows the limits of Washington’s effort to slow China’s progress in A.I. by cutting off "
             "access to the hardware that powers it. Chips are small, valuable and easy to move, and the "
             "companies that sell them operate across borders."),
            ("p", "Sellers described routing servers through Singapore, Malaysia and Taiwan, sometimes breaking "
             "orders into smaller lots or relabeling equipment to avoid scrutiny at customs."),
            ("img", "Nvidia’s H100 chip has become the most coveted processor for training A.I. systems.",
             "Marcus Lee for The New York Times", "2024/08/04/multimedia/04chips-h100"),
            ("p", "“The controls raise the price and slow things down, but they do not stop a determined buyer,” "
             "said Evelyn Strand, a former export control official who now advises companies on compliance."),
            ("break",),
            ("p", "Nvidia said that it complies with U.S. export rules and requires its customers to do the same, and "
             "that it takes action when it learns of violations. The Commerce Department said it was reviewing "
             "reports of diversion and would pursue violators."),
            ("p", "The United States first restricted sales of Nvidia’s A100 and H100 to China in October 2022. Nvidia "
             "responded with slower versions of both for the Chinese market, but rules issued in October 2023 "
             "covered those too."),
            ("p", "Researchers at Chinese universities said in interviews that the chips remained expensive but "
             "obtainable. One said his lab had waited about six weeks for a shipment of eight servers."),
            ("p", "“Everyone knows where to find them,” he said. “It is a question of price.”"),
            ("p", "Nvidia’s chips have become the most sought-after components in the global race to build A.I., "
             "and demand in China has stayed strong even as the prices of smuggled servers climbed."),
            ("p", "Prices reflect the risk. Sellers quoted servers with eight H100 chips at prices well above what "
             "the same machines cost in the United States, several people involved in the trade said."),
            ("p", "Lawmakers in both parties have urged the Commerce Department to step up enforcement, saying its "
             "export control office lacks the staff and the money to track chips once they leave the country."),
        ],
        related=[("How a Chinese A.I. Lab Trained a Top System on a Budget",
                  "/2025/01/23/technology/deepseek-chinese-ai-startup-costs.html")],
        figures=["11 companies", "more than 2,000", "$103 million"],
        note="ORIGINAL smuggling report: 11 companies; a Shenzhen seller's deal for servers with 'more than 2,000' "
        "top Nvidia chips worth '$103 million' (re-cited in 2025 without date or 'more than')",
    ),
    # ------------------------------------------------------------------ 2025-01-23 about $6 million
    dict(
        key="nyt_20250123_deepseek_6m",
        kind="article",
        path="/2025/01/23/technology/deepseek-chinese-ai-startup-costs.html",
        section="Technology",
        published="2025-01-23T10:00:07.000Z",
        modified="2025-01-23T16:41:52.000Z",
        title="How a Chinese A.I. Lab Trained a Top System on a Budget",
        description="DeepSeek, a little-known start-up in Hangzhou, says it built a system that rivals the best "
        "American chatbots while spending a small fraction of what they cost.",
        authors=[("Simon Achterberg", "simon-achterberg")],
        image=("DeepSeek’s researchers published details of how they trained their system.",
               "Gilles Sabrie for The New York Times", "2025/01/23/multimedia/23deepseek-office"),
        blocks=[
            ("p", "A small Chinese start-up called DeepSeek has built an artificial intelligence system that "
             "performs about as well as the leading chatbots from American companies, and it says it did so "
             "while spending a fraction of the money."),
            ("p", "In a research paper published late last month, the company’s engineers said they had trained the "
             "system using about $6 million of raw computing power. Leading American labs have spent many times "
             "that to build comparable technology."),
            ("p", "The claim, if it holds up, would suggest that the enormous sums American companies are pouring "
             "into data centers may not be the only path to cutting-edge A.I."),
            ("break",),
            ("p", "DeepSeek, based in Hangzhou, grew out of High-Flyer, a quantitative hedge fund that began "
             "stockpiling Nvidia chips years ago for its trading operations."),
            ("p", "Because of U.S. export controls, the company could not buy Nvidia’s most powerful processors. "
             "Its engineers instead found ways to squeeze more out of the chips available to them, a sign, some "
             "experts said, that the restrictions had pushed Chinese labs to become more efficient."),
            ("sub", "A new kind of competition"),
            ("p", "“They were forced to be clever,” said Peter Lindgren, a researcher who studies the A.I. industry "
             "at the Marlow Center for Technology Policy. “Constraints can be a spur to innovation.”"),
            ("break",),
            ("p", "Experts cautioned that the $6 million figure covers only the final training of the system, not "
             "the years of research, the salaries or the hardware that came before it."),
            ("p", "Its researchers described several techniques that let them do more with less. Rather than "
             "running the entire system for every request, for instance, they divided it into many smaller "
             "specialized parts and activated only the ones a task needed."),
            ("p", "American companies have been racing in the opposite direction. OpenAI, Google and Meta are "
             "building data centers that will each hold hundreds of thousands of chips, betting that more "
             "computing power will produce more capable systems."),
            ("p", "“If these results hold up, it changes the conversation about what it takes to compete,” Dr. "
             "Lindgren said. “It would mean the moat around the biggest companies is not as wide as they think.”"),
            ("p", "DeepSeek has released its systems as open source, allowing anyone to download and modify them. "
             "This week it released R1, a system designed to reason through problems step by step."),
            ("p", "Some American executives responded skeptically, questioning whether the company had disclosed all "
             "of the computing power at its disposal."),
            ("p", "The company’s founder, Liang Wenfeng, has said in interviews that DeepSeek is focused on research "
             "rather than on making money from its technology in the near term."),
        ],
        related=[("A Thriving Gray Market Keeps Banned Nvidia Chips Flowing Into China",
                  "/2024/08/04/technology/china-nvidia-chips-gray-market.html")],
        figures=["about $6 million"],
        note="DeepSeek training cost rounded to 'about $6 million' of computing power",
    ),
    # ------------------------------------------------------------------ 2025-01-27 explainer
    dict(
        key="nyt_20250127_chips_explainer",
        kind="article",
        path="/2025/01/27/technology/deepseek-fewer-chips-explained.html",
        section="Technology",
        published="2025-01-27T19:10:03.000Z",
        modified="2025-01-27T22:35:47.000Z",
        title="How DeepSeek Got By With Far Fewer Chips",
        description="The Chinese start-up says it trained its A.I. on a fraction of the chips that American labs "
        "use. Here is what that means.",
        authors=[("Simon Achterberg", "simon-achterberg"), ("Ruth Calloway", "ruth-calloway")],
        image=("Nvidia’s chips are the engine of the A.I. boom.", "Ian C. Bates for The New York Times",
               "2025/01/27/multimedia/27deepseek-explain"),
        blocks=[
            ("p", "The leading American A.I. companies train their most powerful systems on supercomputers packed "
             "with specialized chips, typically 16,000 or more chips for a single large model."),
            ("p", "DeepSeek says it needed about 2,000."),
            ("p", "The chips are the largest single expense in building these systems, and each top Nvidia "
             "processor sells for tens of thousands of dollars. Networking gear, power and cooling add more."),
            ("p", "That difference is why a Chinese start-up’s research paper set off a sell-off in technology stocks "
             "on Monday. If top-tier A.I. can be built with far less hardware, the companies that sell that "
             "hardware, Nvidia above all, may have less to gain from the boom than investors assumed."),
            ("break",),
            ("sub", "What chips did DeepSeek use?"),
            ("p", "DeepSeek says it trained its system on Nvidia’s H800, a chip that Nvidia introduced on March 21, "
             "2023, as a version of its flagship H100 that complied with the export rules in place at the time."),
            ("p", "On Oct. 17, 2023, about seven months later, the Commerce Department tightened those rules to cover "
             "the H800 as well. By then, Chinese companies had bought large numbers of the chips."),
            ("sub", "How did it get by with fewer?"),
            ("p", "DeepSeek’s engineers used a technique called mixture of experts, which activates only part of the "
             "system for each task, and found ways to cut the amount of data moving between chips, a bottleneck "
             "on the slower H800."),
            ("p", "It also trained much of the system using lower-precision numbers, which take less memory and "
             "computing power, and wrote its own software to get more performance out of each chip. The company "
             "has said the final training run used about 2.8 million hours of chip time."),
            ("break",),
            ("p", "“They did a lot of careful engineering that the big labs did not need to do because they had more "
             "chips,” said Ruth Nakamura, a computer scientist at the University of Northfield."),
            ("p", "Some in the industry doubt DeepSeek’s account and believe it has access to more hardware than it "
             "has disclosed. The company has not commented on those claims."),
            ("sub", "What does it mean for export controls?"),
            ("p", "The episode has divided experts. Some argue that the controls forced Chinese companies to "
             "innovate, producing exactly the kind of efficiency gains that now threaten American leaders. "
             "Others say DeepSeek would have gone even further with unrestricted access to Nvidia’s best chips."),
            ("p", "For American companies, which have spent years assembling ever-larger clusters, the question is "
             "whether that approach has been wasteful or whether it will still pay off as systems grow more "
             "complex."),
            ("p", "Either way, DeepSeek still depends on Nvidia hardware, and Chinese chipmakers like Huawei have "
             "struggled to produce enough alternatives of their own."),
        ],
        related=[("Nvidia’s Value Plunges Nearly $600 Billion in a Day of DeepSeek Jitters",
                  "/2025/01/27/business/nvidia-stock-deepseek-market-value.html")],
        figures=["16,000 or more chips", "about 2,000", "March 21, 2023", "Oct. 17, 2023", "about seven months"],
        note="'16,000 or more chips' for US labs vs 'about 2,000' for DeepSeek; H800 launched March 21, 2023, "
        "restricted Oct. 17, 2023 ('about seven months later', vs the seed's '약 1년')",
    ),
    # ------------------------------------------------------------------ 2025-01-27 Nvidia nearly $600 billion
    dict(
        key="nyt_20250127_nvidia_600b",
        kind="article",
        path="/2025/01/27/business/nvidia-stock-deepseek-market-value.html",
        section="Business",
        published="2025-01-27T21:48:30.000Z",
        modified="2025-01-28T01:02:10.000Z",
        title="Nvidia’s Value Plunges Nearly $600 Billion in a Day of DeepSeek Jitters",
        description="The chipmaker’s stock fell 17 percent, the largest one-day loss of market value for any "
        "company in Wall Street history.",
        authors=[("Joanna Pell", "joanna-pell"), ("Theo Marchetti", "theo-marchetti")],
        image=("Nvidia’s shares had soared over the past two years on demand for its A.I. chips.",
               "Jim Wilson/The New York Times", "2025/01/27/multimedia/27nvidia-stock"),
        blocks=[
            ("p", "Nvidia lost nearly $600 billion in stock market value on Monday, the largest one-day drop for "
             "any company in history, as investors worried that a Chinese start-up had found a way to build "
             "powerful A.I. with far fewer of its chips."),
            ("p", "The chipmaker’s shares fell 17 percent to close at $118.51. Other companies tied to the A.I. "
             "boom, including makers of networking gear and power equipment, also dropped sharply."),
            ("p", "The sell-off was set off by DeepSeek, whose latest system has rivaled the best American "
             "chatbots on some tests. The company says it built the system for a fraction of what U.S. rivals "
             "spend."),
            ("break",),
            ("p", "“This is a reminder that nobody has a permanent lead in technology,” said Leonard Haig, chief "
             "investment officer at Carrow Street Partners."),
            ("p", "The broader market fell less. The S&amp;P 500 dropped 1.5 percent and the Nasdaq composite, heavy "
             "with tech stocks, fell 3.1 percent."),
            ("p", "Nvidia said in a statement that DeepSeek’s work was an excellent advance and that serving such "
             "systems to users would still require many of its chips."),
            ("break",),
            ("p", "Nvidia’s one-day loss was larger than the total market value of most companies in the S&amp;P "
             "500. Broadcom, which designs custom A.I. chips for large tech companies, fell 17 percent, and shares "
             "of Oracle and of power producers that had been riding expectations of soaring electricity demand "
             "from data centers also tumbled."),
            ("break",),
            ("p", "The sell-off spread beyond chipmakers to companies that build and supply data centers, a group "
             "that had soared on the assumption that demand for computing power would keep climbing for years."),
            ("p", "Investors have poured money into Nvidia on the expectation that tech giants would keep buying its "
             "chips by the hundreds of thousands. The company’s revenue more than doubled in its last fiscal "
             "year."),
            ("p", "Some analysts said Monday’s drop could prove to be an overreaction. Microsoft, Meta and other "
             "large customers have said they will keep spending heavily on A.I. infrastructure this year."),
            ("p", "DeepSeek’s claims have not been independently verified, and some analysts argued that cheaper "
             "A.I. could ultimately increase demand for chips by putting the technology within reach of more "
             "businesses."),
            ("p", "“Cheaper computing has historically meant more computing, not less,” Mr. Haig said. “The "
             "question investors are asking is not whether A.I. is real, but how much they should pay for it.”"),
            ("p", "Nvidia is scheduled to report its quarterly results next month."),
        ],
        related=[("How DeepSeek Got By With Far Fewer Chips",
                  "/2025/01/27/technology/deepseek-fewer-chips-explained.html")],
        figures=["nearly $600 billion", "17 percent", "$118.51"],
        note="Nvidia market-value loss as 'nearly $600 billion'; '17 percent'; close '$118.51' (CNN: $118.42)",
    ),
    # ------------------------------------------------------------------ 2025-06-23 fewer than 50,000
    dict(
        key="nyt_20250623_h100_fewer_50k",
        kind="article",
        path="/2025/06/23/technology/deepseek-h100-chips-us-official.html",
        section="Technology",
        published="2025-06-23T20:15:42.000Z",
        modified="2025-06-23T21:03:18.000Z",
        title="U.S. Says DeepSeek Obtained ‘Large Volumes’ of Restricted Nvidia Chips",
        description="A senior State Department official said the Chinese A.I. company had acquired H100 chips "
        "despite export controls and was supporting China’s military.",
        authors=[("Ruth Calloway", "ruth-calloway")],
        image=("The State Department in Washington.", "Kenny Holston/The New York Times",
               "2025/06/23/multimedia/23deepseek-state"),
        blocks=[
            ("p", "The Chinese artificial intelligence company DeepSeek has obtained “large volumes” of Nvidia’s "
             "H100 chips, which cannot legally be exported to China, a senior State Department official said on "
             "Monday."),
            ("p", "The official, who spoke on the condition of anonymity, said the number of chips was believed to "
             "be fewer than 50,000, according to Reuters, which first reported the comments. The official also "
             "said DeepSeek had supported China’s military and intelligence operations."),
            ("p", "DeepSeek did not respond to a request for comment. Nvidia has said that its review indicated "
             "DeepSeek used lawfully acquired H800 chips."),
            ("break",),
            ("p", "The estimate is well below the figure that some industry executives suggested in January, when "
             "DeepSeek’s release set off a market rout. Alexandr Wang, the chief executive of Scale AI, said then "
             "that the company had more than 50,000 H100 chips."),
            ("p", "DeepSeek has said it trained its V3 system on about 2,000 H800 chips."),
            ("p", "The official said the United States was aware that DeepSeek had sought to use shell companies in "
             "Southeast Asia to get around export controls, and had tried to reach data centers in the region to "
             "use chips remotely."),
            ("break",),
            ("p", "DeepSeek’s release of its R1 system in January briefly made its app the most downloaded in the "
             "United States and set off a sell-off in chip stocks, as investors questioned whether American "
             "companies needed to spend so heavily on hardware."),
            ("p", "The chip count matters because it bears on one of the central questions raised by DeepSeek’s "
             "rise: whether its efficiency claims are genuine or whether it relied on far more computing power "
             "than it disclosed."),
            ("p", "In January, the research firm SemiAnalysis estimated that DeepSeek had access to about 50,000 of "
             "Nvidia’s Hopper chips, a family that includes the H100, the H800 and the H20."),
            ("p", "The H100 has been barred from sale to China since 2022, when the Biden administration issued its "
             "first broad restrictions on advanced chips. Nvidia has sold it widely around the world, and researchers who "
             "track the trade say some have been resold or rented to Chinese companies through intermediaries."),
            ("p", "The Trump administration has been weighing whether to add DeepSeek to a trade blacklist, which "
             "would bar American companies from doing business with it."),
            ("p", "Lawmakers have called for stricter measures, including a bill that would require chipmakers to "
             "verify where their products end up after they are sold."),
        ],
        related=[("How DeepSeek Got By With Far Fewer Chips",
                  "/2025/01/27/technology/deepseek-fewer-chips-explained.html")],
        figures=["fewer than 50,000", "more than 50,000", "about 2,000"],
        note="US official via Reuters: 'large volumes' of H100, 'fewer than 50,000'; re-cites Scale AI's 'more than "
        "50,000' and DeepSeek's 'about 2,000'",
    ),
    # ------------------------------------------------------------------ 2025-06-22 NBA finals (irrelevant)
    dict(
        key="nyt_20250622_thunder_game7",
        kind="irrelevant",
        path="/2025/06/22/sports/basketball/thunder-pacers-nba-finals-game-7.html",
        section="Sports",
        published="2025-06-23T03:52:40.000Z",
        modified="2025-06-23T05:10:11.000Z",
        title="Thunder Win the N.B.A. Title, Beating the Injury-Hit Pacers in Game 7",
        description="Shai Gilgeous-Alexander scored 29 points as Oklahoma City pulled away in the second half after "
        "Tyrese Haliburton went down in the first quarter.",
        authors=[("Gus Whitford", "gus-whitford")],
        image=("Shai Gilgeous-Alexander of the Thunder with the championship trophy on Sunday.",
               "Nick Oxford for The New York Times", "2025/06/22/multimedia/22nba-finals"),
        blocks=[
            ("p", "The Oklahoma City Thunder are N.B.A. champions for the first time since the franchise moved from "
             "Seattle in 2008, beating the Indiana Pacers, 103-91, in Game 7 of the finals on Sunday night."),
            ("p", "Shai Gilgeous-Alexander led the Thunder with 29 points and 12 assists and was named the finals’ "
             "most valuable player."),
            ("p", "The game turned early. Indiana’s star guard Tyrese Haliburton, who had been playing through a calf "
             "strain, went down without contact midway through the first quarter and left the game with what the "
             "team later said was an injury to his right Achilles’ tendon."),
            ("break",),
            ("p", "The Pacers led by one point at halftime, but Oklahoma City took control in the third quarter, "
             "turning a series of Indiana turnovers into easy baskets, and never let the lead slip."),
            ("p", "Bennedict Mathurin led the Pacers off the bench, and Jalen Williams and Chet Holmgren gave the "
             "Thunder the support Gilgeous-Alexander needed. Oklahoma City’s defense, the best in the league during "
             "the regular season, smothered Indiana’s shooters after halftime, and the Pacers, without their "
             "primary ball handler, struggled to find open looks."),
            ("p", "“We have been building toward this for years,” Gilgeous-Alexander said. “Tonight we finally got "
             "to finish it.”"),
            ("p", "It was the first Game 7 in the finals since 2016, when Cleveland beat Golden State. The crowd at "
             "Paycom Center, on its feet for most of the fourth quarter, stayed long after the final buzzer for "
             "the trophy presentation."),
            ("p", "Gilgeous-Alexander, a 26-year-old guard from Hamilton, Ontario, became the first player since "
             "Shaquille O’Neal in 2000 to win the scoring title, the regular-season M.V.P. award and the "
             "championship in the same season."),
            ("p", "Oklahoma City finished the regular season with 68 wins, the most in the league, and "
             "Gilgeous-Alexander was named the regular season’s most valuable player last month."),
            ("p", "Oklahoma City built its roster largely through the draft and trades, then added veterans like "
             "Alex Caruso and Isaiah Hartenstein last summer after losing to the Dallas Mavericks in the second "
             "round of the 2024 playoffs."),
            ("p", "Indiana, in the finals for the first time since 2000, was chasing its first N.B.A. championship. "
             "After the game, Pacers players said they had tried to keep going for Haliburton."),
            ("p", "The franchise’s only previous title came in 1979, when it played in Seattle as the SuperSonics."),
        ],
        related=[],
        figures=[],
        note="IRRELEVANT: basketball final; score 103-91, 29 points, 12 assists, 2008, 1979",
    ),
    # ------------------------------------------------------------------ 2025-07-24 FT $1 billion
    dict(
        key="nyt_20250724_b200_smuggling_1b",
        kind="article",
        path="/2025/07/24/technology/nvidia-b200-chips-china-smuggling.html",
        section="Technology",
        published="2025-07-24T17:25:06.000Z",
        modified="2025-07-24T19:48:33.000Z",
        title="Banned Nvidia Chips Worth $1 Billion Reached China in Three Months, Report Says",
        description="Advanced processors including Nvidia’s B200 have been sold into China through distributors "
        "despite export controls, according to The Financial Times.",
        authors=[("Hanna Lindqvist", "hanna-lindqvist")],
        image=("Nvidia’s Blackwell chips, including the B200, are its most advanced products.",
               "Mike Kai Chen for The New York Times", "2025/07/24/multimedia/24nvidia-blackwell"),
        blocks=[
            ("p", "At least $1 billion worth of Nvidia’s most advanced artificial intelligence chips, including its "
             "B200 processor, were sold into China within three months after the Trump administration tightened "
             "export restrictions, The Financial Times reported on Thursday."),
            ("p", "The chips were sold by distributors in several Chinese provinces, including Guangdong, the "
             "newspaper said, citing sales contracts and company filings. Some were advertised openly to Chinese "
             "buyers, and demand surged after the administration moved in April to restrict the H20."),
            ("p", "The report came less than two weeks after Nvidia said, on July 14, that the administration had "
             "assured it that licenses would be granted to resume sales of its H20 chip in China, reversing an "
             "April decision that had cut off those sales."),
            ("break",),
            ("p", "The B200 belongs to Nvidia’s Blackwell line, its newest and most powerful generation of chips, "
             "which the United States has never allowed the company to sell in China. According to the newspaper, "
             "some were offered in ready-to-use server racks."),
            ("p", "Nvidia said in a statement that building data centers with smuggled chips was a losing "
             "proposition, because the company provides service and support only for authorized products."),
            ("p", "Industry analysts said smuggled chips usually sell at a steep markup and come without the software "
             "updates and repairs that Nvidia provides to authorized customers. The Commerce Department did not "
             "respond to a request for comment."),
            ("break",),
            ("p", "The report added pressure on Congress, where lawmakers from both parties have proposed requiring "
             "location tracking for advanced chips sold abroad."),
            ("p", "Washington first restricted sales of Nvidia’s advanced chips to China in 2022 and has tightened the "
             "rules several times since, most recently in April, when it required licenses for the H20. Jensen "
             "Huang, Nvidia’s chief executive, visited Beijing this month and said the company hoped to keep "
             "serving Chinese customers within the rules."),
            ("p", "On Wednesday, the White House released an A.I. action plan that called for exploring new ways to "
             "verify where advanced chips end up."),
            ("p", "In May, Mr. Trump rescinded a Biden-era rule that would have capped chip exports to many "
             "countries, saying he would replace it with a simpler system."),
            ("p", "The report is likely to sharpen a debate in Washington over whether letting Nvidia resume H20 "
             "sales will make it easier or harder to keep the most advanced chips out of China."),
        ],
        related=[("A Thriving Gray Market Keeps Banned Nvidia Chips Flowing Into China",
                  "/2024/08/04/technology/china-nvidia-chips-gray-market.html")],
        figures=["At least $1 billion", "July 14"],
        note="FT report: 'at least $1 billion' of B200 and other chips within three months; H20 sales allowed again "
        "July 14",
    ),
    # ------------------------------------------------------------------ 2025-12-08 H200 25%
    dict(
        key="nyt_20251208_h200_25pct",
        kind="article",
        path="/2025/12/08/technology/nvidia-h200-china-exports-trump.html",
        section="Technology",
        published="2025-12-08T22:40:19.000Z",
        modified="2025-12-09T01:15:56.000Z",
        title="Trump Clears Nvidia to Sell H200 Chips to China, With a 25% Cut for the U.S.",
        description="The president said Nvidia could sell one of its most powerful chips to approved customers in "
        "China, with the government taking a share of the revenue.",
        authors=[("Theo Marchetti", "theo-marchetti"), ("Ruth Calloway", "ruth-calloway")],
        image=("Jensen Huang, Nvidia’s chief executive, has lobbied for access to the Chinese market.",
               "Haiyun Jiang/The New York Times", "2025/12/08/multimedia/08nvidia-h200"),
        blocks=[
            ("p", "President Trump said on Monday that he would allow Nvidia to sell its H200 artificial "
             "intelligence chip to approved customers in China, with 25% of the proceeds going to the United "
             "States government."),
            ("p", "In a social media post, Mr. Trump said the arrangement would protect national security while "
             "supporting American jobs. He said Nvidia’s newer Blackwell chips and its coming Rubin line would not "
             "be part of the deal."),
            ("p", "The H200, built on the same Hopper design as the H100 but with more and faster memory, is well "
             "suited to running large A.I. systems. The Commerce Department is expected to decide which Chinese "
             "customers qualify."),
            ("p", "The H200 is far more capable than the H20, the slower chip that Nvidia designed for China and was "
             "allowed to resume selling there in July."),
            ("break",),
            ("p", "Some Republican lawmakers, who have generally backed the president’s trade agenda, joined "
             "Democrats in questioning the move. Critics in Congress said the decision would hand China technology that could strengthen its "
             "military. Supporters argued that Chinese companies would otherwise turn to homegrown chips from "
             "Huawei."),
            ("p", "On the same day, the Justice Department announced charges in a case it said involved smuggling at "
             "least $160 million worth of Nvidia H100 and H200 chips to China. Prosecutors said the network had "
             "tried to move about 7,000 chips."),
            ("p", "Prosecutors said the defendants had relabeled chips and used front companies to disguise where "
             "they were going."),
            ("break",),
            ("p", "The decision caps months of lobbying by Jensen Huang, Nvidia’s chief executive, who has argued "
             "that restricting sales only helps Chinese competitors."),
            ("p", "Mr. Trump said the Commerce Department was finalizing the details and that the same approach would "
             "apply to other American chipmakers, such as AMD and Intel."),
            ("p", "In August, the administration struck an unusual agreement under which Nvidia and AMD would pay the "
             "government 15 percent of their revenue from certain chip sales in China."),
            ("p", "Chinese regulators have in recent months discouraged local companies from buying Nvidia’s H20, "
             "urging them to use domestic chips instead, and it was not clear whether Beijing would allow "
             "purchases of the H200."),
            ("p", "Nvidia said in a statement that it welcomed the decision and that it would follow the "
             "government’s licensing process."),
        ],
        related=[("Banned Nvidia Chips Worth $1 Billion Reached China in Three Months, Report Says",
                  "/2025/07/24/technology/nvidia-b200-chips-china-smuggling.html")],
        figures=["25%", "at least $160 million", "about 7,000 chips"],
        note="H200 exports to approved Chinese customers, '25%' to the US government; DOJ: 'at least $160 million' "
        "of H100/H200, 'about 7,000 chips'",
    ),
]

# The NYT article URL answered by the DataDome bot wall (403). Only the URL, title and time are known (from the
# news sitemap); there is no article text.
BOT_WALL = dict(
    key="nyt_20250128_botwall",
    kind="bot_wall",
    path="/2025/01/28/business/deepseek-ai-stocks-investors.html",
    title="After DeepSeek’s Shock, Investors Ask What the A.I. Boom Is Worth",
    published="2025-01-28T10:00:12.000Z",
    fetched="2025-01-28T15:20:37Z",
    note="NYT article URL answered 403 by DataDome ('You have been blocked ... robot', captcha-delivery.com)",
)
