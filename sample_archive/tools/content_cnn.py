"""CNN sample articles (2023+ WCM template). Texts written for this archive.

Block kinds: ("p", html) body paragraph; ("sub", text) subheader (body heading); ("img", caption, credit, image
name) inline image; ("related", headline, path) "Related article" card; ("ad",) ad slot; ("newsletter",) promo.
`byline_html` is the rendered byline; `ld_author` is the JSON-LD author as CNN writes it (sometimes one Person whose
name is the whole byline with HTML).
"""

MEDIA = "https://media.cnn.com/api/v1/images/stellar/prod/"

NVIDIA_LOSS_BODY = [
    ("p", "Nvidia lost {LOSS} in market value on Monday, the biggest one-day drop for any company in US stock "
     "market history, after a low-cost artificial intelligence model from China made investors question how many "
     "of its chips the world will really need."),
    ("p", "Shares of the chipmaker closed down 17% at $118.42, their worst day since March 2020. The slide knocked "
     "Nvidia from the top spot among the world’s most valuable companies to third place, behind Apple and "
     "Microsoft."),
    ("p", "The previous record for a single-day wipeout also belonged to Nvidia, which shed about $279 billion on "
     "September 3 last year."),
    ("related", "DeepSeek, explained: How a little-known Chinese lab rattled Silicon Valley",
     "/2025/01/27/tech/deepseek-ai-explainer/index.html"),
    ("p", "The trigger was DeepSeek, a Chinese startup whose R1 reasoning model has matched leading American systems "
     "on several benchmarks while, by the company’s account, costing a sliver of what US rivals spend. Its "
     "assistant app climbed to the top of Apple’s App Store over the weekend."),
    ("ad",),
    ("p", "The selling spread across the chip sector. Broadcom tumbled about 17% and the Philadelphia Semiconductor "
     "Index sank 9.2%. The tech-heavy Nasdaq Composite fell 3.1% and the S&amp;P 500 lost 1.5%, while the Dow rose "
     "about 289 points as investors moved into less tech-dependent stocks."),
    ("p", "In a statement, Nvidia praised DeepSeek’s work as an excellent advance in AI and argued that running "
     "such models for customers still requires large numbers of its graphics processors."),
    ("img", "Nvidia headquarters in Santa Clara, California.", "Justin Sullivan/Getty Images",
     "250127161502-nvidia-hq-santa-clara.jpg"),
    ("p", "“The market is repricing the idea that whoever buys the most chips wins,” said Marisol Dane, a "
     "portfolio manager at Kestrel Ridge Advisors. “That doesn’t mean demand disappears. It means the premium gets "
     "questioned.”"),
    ("p", "Some analysts called the sell-off overdone, noting that the largest US tech companies have said they "
     "plan to keep raising their spending on AI data centers this year."),
    ("newsletter",),
    ("p", "<em>CNN’s Elena Kovacs contributed to this report.</em>"),
]

ARTICLES = [
    # ------------------------------------------------------------------ sports (irrelevant) 2025-01-26
    dict(
        key="cnn_20250126_sinner_ao_final",
        kind="irrelevant",
        path="/2025/01/26/sport/jannik-sinner-australian-open-final-zverev-spt-intl/index.html",
        section="sport",
        published="2025-01-26T11:54:37.214Z",
        modified="2025-01-26T13:20:03.588Z",
        title="Jannik Sinner beats Alexander Zverev to retain his Australian Open crown",
        description="Jannik Sinner defended his Australian Open title with a straight-sets win over Alexander "
        "Zverev in Melbourne.",
        byline_html='By <a class="byline__link" href="https://www.cnn.com/profiles/tom-ashby">'
        '<span class="byline__name">Tom Ashby</span></a>, CNN',
        ld_author=[{"@type": "Person", "name": "Tom Ashby", "url": "https://www.cnn.com/profiles/tom-ashby"}],
        author_meta="Tom Ashby",
        image=("Jannik Sinner celebrates with the Norman Brookes Challenge Cup in Melbourne.",
               "Martin Keep/AFP/Getty Images", "250126110114-sinner-trophy-melbourne.jpg"),
        dateline="Melbourne, Australia",
        blocks=[
            ("p", "Jannik Sinner is the Australian Open champion again."),
            ("p", "The world No. 1 from Italy beat Germany’s Alexander Zverev 6-3, 7-6 (4), 6-3 on Sunday night at Rod "
             "Laver Arena, needing 2 hours and 42 minutes to defend the title he won a year ago."),
            ("p", "It was the third grand slam title of Sinner’s career, after the 2024 Australian Open and the 2024 "
             "US Open, and he has now won all three of the major finals he has played."),
            ("ad",),
            ("p", "Zverev, the No. 2 seed, was playing in his third major final and is still looking for his first. "
             "He won only 28 of the 46 points played on his second serve."),
            ("related", "Madison Keys stuns Aryna Sabalenka to win first grand slam title",
             "/2025/01/25/sport/madison-keys-aryna-sabalenka-australian-open-final-spt-intl/index.html"),
            ("p", "“It’s never easy to play against a friend in a final,” Sinner said during the trophy ceremony. "
             "“I tried to stay calm in the tough moments.”"),
            ("p", "The winner’s check in Melbourne this year was 3.5 million Australian dollars, about $2.2 million. "
             "Sinner, 23, has not lost a match at Melbourne Park since 2023."),
            ("p", "The women’s title went to Madison Keys, who beat two-time defending champion Aryna Sabalenka "
             "6-3, 2-6, 7-5 on Saturday."),
        ],
        figures=[],
        note="IRRELEVANT: tennis final; scores 6-3, 7-6 (4), 6-3, prize A$3.5 million (about $2.2 million)",
    ),
    # ------------------------------------------------------------------ 2025-01-27 explainer
    dict(
        key="cnn_20250127_deepseek_explainer",
        kind="article",
        path="/2025/01/27/tech/deepseek-ai-explainer/index.html",
        section="tech",
        published="2025-01-27T13:02:41.377Z",
        modified="2025-01-27T14:05:16.912Z",
        title="DeepSeek, explained: How a little-known Chinese lab rattled Silicon Valley",
        description="A Chinese AI startup says it trained a top-tier model for a few million dollars, on chips the "
        "US lets Nvidia sell to China. Investors are rethinking the AI boom.",
        byline_html='By <a class="byline__link" href="https://www.cnn.com/profiles/nadia-ferreira">'
        '<span class="byline__name">Nadia Ferreira</span></a> and '
        '<a class="byline__link" href="https://www.cnn.com/profiles/owen-blake">'
        '<span class="byline__name">Owen Blake</span></a>, CNN',
        ld_author=[{"@type": "Person",
                    "name": 'By <a href="https://www.cnn.com/profiles/nadia-ferreira">Nadia Ferreira</a> and '
                    '<a href="https://www.cnn.com/profiles/owen-blake">Owen Blake</a>, CNN'}],
        author_meta="Nadia Ferreira, Owen Blake",
        image=("The DeepSeek app on a smartphone screen.", "Andrey Rudakov/Bloomberg/Getty Images",
               "250127073512-deepseek-app-phone.jpg"),
        dateline="New York",
        blocks=[
            ("p", "A week ago, few people outside China’s tech scene had heard of DeepSeek. On Monday, the Chinese "
             "artificial intelligence startup was the talk of Silicon Valley and Wall Street."),
            ("p", "Its R1 model, released last week, performs about as well as the most advanced systems from "
             "OpenAI on tests of math and coding, and the company’s free assistant app overtook ChatGPT at the top "
             "of Apple’s App Store in the United States over the weekend."),
            ("p", "What has unsettled investors is the bill. DeepSeek says it spent just $5.6 million on computing "
             "power to train V3, the model on which R1 is built. American companies have been spending hundreds "
             "of millions, and in some cases billions, of dollars to stay at the frontier."),
            ("related", "Nvidia sheds a record amount of market value as DeepSeek fears hit chip stocks",
             "/2025/01/27/tech/nvidia-market-value-loss-deepseek/index.html"),
            ("p", "The company says it trained V3 on 2,048 Nvidia H800 chips, a slower version of the company’s "
             "flagship processor that Nvidia designed for Chinese buyers after Washington restricted sales of its "
             "best products."),
            ("sub", "Why chip stocks are falling"),
            ("p", "If top-tier AI can be built with far less hardware, the thinking goes, the world may not need as "
             "many of the expensive chips that have made Nvidia one of the most valuable companies on the planet."),
            ("ad",),
            ("p", "Nvidia shares were down about 12% in premarket trading Monday. The Dutch chip-equipment maker ASML "
             "and Japan’s SoftBank, a major AI investor, also fell sharply."),
            ("sub", "Who is behind DeepSeek?"),
            ("p", "DeepSeek was founded in 2023 by Liang Wenfeng and is funded by High-Flyer, the quantitative hedge "
             "fund he co-founded. The company has published much of its research openly, which has allowed outside "
             "experts to pick through its methods."),
            ("p", "Those experts caution that the headline number covers only the final training run. It leaves out "
             "earlier experiments, salaries and the cost of buying the chips in the first place."),
            ("p", "“It is a real engineering achievement, but it is not a $5.6 million company,” said Raj Menon, "
             "who studies computing costs at the Halvorsen Institute. “The total investment behind it is far "
             "larger.”"),
            ("newsletter",),
            ("p", "The H800 itself was later swept up by US export rules, which the Commerce Department tightened "
             "in October 2023 to cover chips that had been built to stay under earlier limits."),
        ],
        figures=["$5.6 million", "down about 12%", "2,048 Nvidia H800 chips"],
        note="DeepSeek V3 cost rounded to '$5.6 million'; Nvidia 'down about 12%' premarket; '2,048 Nvidia H800 chips'",
    ),
    # ------------------------------------------------------------------ 2025-01-27 Nvidia loss (two versions)
    dict(
        key="cnn_20250127_nvidia_loss",
        kind="article",
        path="/2025/01/27/tech/nvidia-market-value-loss-deepseek/index.html",
        section="tech",
        published="2025-01-27T21:14:08.522Z",
        versions={
            "v1": dict(modified="2025-01-27T21:32:10.118Z", LOSS="$593 billion", correction=None,
                       fetched="2025-01-27T21:50:12Z"),
            "v2": dict(modified="2025-01-28T00:48:51.402Z", LOSS="$589 billion",
                       correction="<em>Correction: An earlier version of this story misstated the size of Nvidia’s "
                       "market value loss. It was $589 billion.</em>",
                       fetched="2025-01-28T02:10:44Z"),
        },
        title="Nvidia sheds a record amount of market value as DeepSeek fears hit chip stocks",
        description="Nvidia suffered the largest one-day loss of market value in US stock market history as a "
        "cheap Chinese AI model rattled investors.",
        byline_html='By <a class="byline__link" href="https://www.cnn.com/profiles/priya-raman">'
        '<span class="byline__name">Priya Raman</span></a>, CNN',
        ld_author=[{"@type": "Person", "name": "Priya Raman", "url": "https://www.cnn.com/profiles/priya-raman"}],
        author_meta="Priya Raman",
        image=("A trader works on the floor of the New York Stock Exchange on Monday.",
               "Michael M. Santiago/Getty Images", "250127162033-nyse-trader-jan-27.jpg"),
        dateline="New York",
        blocks=NVIDIA_LOSS_BODY,
        figures=["17%", "$118.42"],
        note="REVISION PAIR: v1 says '$593 billion'; v2 (same URL, later dateModified) says '$589 billion' and "
        "adds a correction note",
    ),
    # ------------------------------------------------------------------ 2025-01-28 Scale AI claim
    dict(
        key="cnn_20250128_deepseek_chip_count",
        kind="article",
        path="/2025/01/28/tech/deepseek-chips-scale-ai-claim/index.html",
        section="tech",
        published="2025-01-28T16:40:22.104Z",
        modified="2025-01-28T17:02:39.871Z",
        title="How many Nvidia chips does DeepSeek really have? Silicon Valley can’t agree",
        description="DeepSeek says it built its model cheaply with a few thousand chips. Some industry figures "
        "think it has far more than it admits.",
        byline_html='By <a class="byline__link" href="https://www.cnn.com/profiles/owen-blake">'
        '<span class="byline__name">Owen Blake</span></a>, '
        '<a class="byline__link" href="https://www.cnn.com/profiles/hana-kim">'
        '<span class="byline__name">Hana Kim</span></a> and '
        '<span class="byline__name">Leo Marsh</span>, CNN',
        ld_author=[{"@type": "Person",
                    "name": 'By <a href="https://www.cnn.com/profiles/owen-blake">Owen Blake</a>, '
                    '<a href="https://www.cnn.com/profiles/hana-kim">Hana Kim</a> and Leo Marsh, CNN'}],
        author_meta="Owen Blake, Hana Kim, Leo Marsh",
        image=("Nvidia's H100 graphics processors are the most sought-after chips for training AI models.",
               "I-Hwa Cheng/AFP/Getty Images", "250128103015-nvidia-h100-chip.jpg"),
        dateline="Hong Kong",
        blocks=[
            ("p", "DeepSeek says it built an AI model that rivals the best in Silicon Valley for less than $6 million. "
             "A growing number of people in the industry are not taking that at face value."),
            ("p", "Alexandr Wang, the chief executive of Scale AI, told CNBC that he believed the Chinese lab had "
             "more than 50,000 of Nvidia’s H100 chips, which cannot legally be shipped to China, and that it could "
             "not talk about them because of US export controls. He did not offer evidence for the claim."),
            ("p", "DeepSeek has not responded to the allegation. In its technical papers the company says it trained "
             "its V3 model on a cluster of H800 chips, a version Nvidia made for the Chinese market."),
            ("related", "DeepSeek, explained: How a little-known Chinese lab rattled Silicon Valley",
             "/2025/01/27/tech/deepseek-ai-explainer/index.html"),
            ("p", "The dispute matters because the number of chips is at the heart of the sell-off that erased "
             "hundreds of billions of dollars from chip stocks on Monday. If DeepSeek really did more with less, "
             "the economics of the AI boom look different."),
            ("ad",),
            ("p", "There is evidence that restricted chips do reach China. The New York Times reported that a seller "
             "in Shenzhen had arranged a $103 million deal for servers containing 2,000 top-end Nvidia chips."),
            ("p", "President Donald Trump called DeepSeek’s success a “wake-up call” for American companies on "
             "Monday, and said it could be positive if it led to cheaper ways of building AI."),
            ("sub", "‘Verify, then trust’"),
            ("p", "“Every number we have comes from DeepSeek or from people with a reason to doubt DeepSeek,” said "
             "Clara Voss, a semiconductor analyst at Brightline Research. “Until someone audits the hardware, both "
             "sides are guessing.”"),
            ("p", "Nvidia has said it expects its partners to comply with US law and that it will act if it learns of "
             "violations."),
            ("newsletter",),
        ],
        figures=["less than $6 million", "more than 50,000", "$103 million", "2,000"],
        note="'less than $6 million'; Scale AI CEO claim of 'more than 50,000' H100 (attributed to CNBC); re-cites "
        "the NYT smuggling deal ('$103 million', '2,000', no date, no 'more than')",
    ),
    # ------------------------------------------------------------------ 2025-01-31 SemiAnalysis
    dict(
        key="cnn_20250131_semianalysis",
        kind="article",
        path="/2025/01/31/tech/deepseek-hardware-spending-semianalysis/index.html",
        section="tech",
        published="2025-01-31T23:10:05.881Z",
        modified="2025-01-31T23:10:05.881Z",
        title="DeepSeek’s real hardware bill is far higher than its headline cost, research firm says",
        description="A chip research firm estimates that DeepSeek has access to about 50,000 Nvidia Hopper chips "
        "and has spent well over $500 million on them.",
        byline_html='By <a class="byline__link" href="https://www.cnn.com/profiles/hana-kim">'
        '<span class="byline__name">Hana Kim</span></a>, CNN',
        ld_author=[{"@type": "Person", "name": "Hana Kim", "url": "https://www.cnn.com/profiles/hana-kim"}],
        author_meta="Hana Kim",
        image=("Server racks in a data center.", "Getty Images", "250131170244-data-center-servers.jpg"),
        dateline="Hong Kong",
        blocks=[
            ("p", "The Chinese AI startup that rattled markets this week with a supposedly cheap model has spent far "
             "more on hardware than its headline number suggests, according to a new estimate from the research "
             "firm SemiAnalysis."),
            ("p", "In a report published Friday, SemiAnalysis said DeepSeek has access to about 50,000 Hopper GPUs, "
             "the generation of Nvidia chips that includes the H100, the H800 and the China-specific H20."),
            ("p", "The firm estimated the total server capital expenditure behind the company at about $1.6 billion, "
             "with roughly $944 million in costs to operate those machines. It put DeepSeek’s spending on GPUs "
             "alone at well above $500 million."),
            ("ad",),
            ("p", "DeepSeek has said it spent $5.6 million on computing power to train its V3 model. SemiAnalysis "
             "said that number reflects only the rented-equivalent cost of the final training run and ignores "
             "research, failed experiments and the hardware itself."),
            ("related", "How many Nvidia chips does DeepSeek really have? Silicon Valley can’t agree",
             "/2025/01/28/tech/deepseek-chips-scale-ai-claim/index.html"),
            ("p", "DeepSeek’s parent, the hedge fund High-Flyer, bought 10,000 Nvidia A100 chips in 2021, before the "
             "first US export restrictions took effect, The Washington Post has reported."),
            ("p", "DeepSeek did not respond to a request for comment."),
            ("p", "The estimate does not settle how the company trained R1, but it does suggest the barrier to "
             "entry in frontier AI remains high. “Cheap training runs sit on top of very expensive clusters,” said "
             "Clara Voss of Brightline Research."),
            ("newsletter",),
        ],
        figures=["about 50,000 Hopper GPUs", "$1.6 billion", "$944 million", "$500 million", "$5.6 million",
                 "10,000 Nvidia A100 chips"],
        note="SemiAnalysis estimate: 'about 50,000 Hopper GPUs', '$1.6 billion' server capex, '$944 million' "
        "operating cost, GPU spend above $500 million; High-Flyer's 10,000 A100 (Washington Post)",
    ),
    # ------------------------------------------------------------------ 2025-04-15 H20 charge
    dict(
        key="cnn_20250415_nvidia_h20_charge",
        kind="article",
        path="/2025/04/15/tech/nvidia-h20-china-export-charge/index.html",
        section="tech",
        published="2025-04-15T22:18:44.610Z",
        modified="2025-04-15T23:41:09.035Z",
        title="Nvidia expects a $5.5 billion hit as the US clamps down on chip sales to China",
        description="Nvidia said the US government now requires a license to ship its H20 chip to China, and that "
        "it will take a charge of about $5.5 billion.",
        byline_html='By <a class="byline__link" href="https://www.cnn.com/profiles/priya-raman">'
        '<span class="byline__name">Priya Raman</span></a> and '
        '<a class="byline__link" href="https://www.cnn.com/profiles/elena-kovacs">'
        '<span class="byline__name">Elena Kovacs</span></a>, CNN',
        ld_author=[{"@type": "Person",
                    "name": 'By <a href="https://www.cnn.com/profiles/priya-raman">Priya Raman</a> and '
                    '<a href="https://www.cnn.com/profiles/elena-kovacs">Elena Kovacs</a>, CNN'}],
        author_meta="Priya Raman, Elena Kovacs",
        image=("Nvidia CEO Jensen Huang speaks at a company event in San Jose, California, in March.",
               "Josh Edelson/AFP/Getty Images", "250415180152-jensen-huang-gtc.jpg"),
        dateline="New York",
        blocks=[
            ("p", "Nvidia said Tuesday it will take a charge of about $5.5 billion after the US government moved to "
             "restrict sales of its H20 artificial intelligence chip to China."),
            ("p", "In a regulatory filing, the company said the government informed it on April 9 that exporting the "
             "H20 to China would require a license. Officials told Nvidia on April 14 that the requirement would "
             "stay in place indefinitely."),
            ("p", "The charge, which Nvidia expects to book in the quarter ending April 27, covers H20 inventory, "
             "purchase commitments and related reserves."),
            ("ad",),
            ("p", "Nvidia shares fell about 6% in after-hours trading."),
            ("p", "The H20 was the most powerful AI chip Nvidia could legally sell in China under earlier rules, and "
             "it had become a big business. Analysts estimate the company’s H20 revenue at $12 billion to $15 "
             "billion in 2024."),
            ("related", "Nvidia sheds a record amount of market value as DeepSeek fears hit chip stocks",
             "/2025/01/27/tech/nvidia-market-value-loss-deepseek/index.html"),
            ("p", "It is not the first China-specific chip to be cut off. Nvidia introduced the H800 for Chinese "
             "customers on March 21, 2023, only for the Commerce Department to restrict it on October 17, 2023."),
            ("p", "The new rule lands as trade tensions between Washington and Beijing escalate, and after "
             "DeepSeek’s models showed that Chinese labs could build competitive AI with the chips still "
             "available to them."),
            ("p", "“Every time Nvidia designs a product to fit under the line, the line moves,” said Marisol Dane of "
             "Kestrel Ridge Advisors."),
            ("newsletter",),
        ],
        figures=["about $5.5 billion", "April 9", "$12 billion to $15 billion", "March 21, 2023",
                 "October 17, 2023"],
        note="H20 license requirement (April 9), Nvidia charge 'about $5.5 billion', H20 2024 revenue range "
        "'$12 billion to $15 billion'; H800 launched March 21, 2023, restricted October 17, 2023",
    ),
    # ------------------------------------------------------------------ 2025-08-05 DOJ
    dict(
        key="cnn_20250805_doj_h100_smuggling",
        kind="article",
        path="/2025/08/05/tech/chinese-nationals-charged-nvidia-chip-exports/index.html",
        section="tech",
        published="2025-08-05T21:55:31.460Z",
        modified="2025-08-05T22:20:17.903Z",
        title="Two Chinese nationals charged with illegally shipping Nvidia AI chips to China",
        description="Federal prosecutors say a California company run by two Chinese nationals sent restricted "
        "Nvidia chips to China through third countries.",
        byline_html='By <a class="byline__link" href="https://www.cnn.com/profiles/leo-marsh">'
        '<span class="byline__name">Leo Marsh</span></a>, CNN',
        ld_author=[{"@type": "Person", "name": "Leo Marsh", "url": "https://www.cnn.com/profiles/leo-marsh"}],
        author_meta="Leo Marsh",
        image=("The Robert F. Kennedy Department of Justice Building in Washington.",
               "Kevin Dietsch/Getty Images", "250805175012-doj-building.jpg"),
        dateline="Washington",
        blocks=[
            ("p", "Two Chinese nationals living in California have been charged with illegally exporting tens of "
             "millions of dollars’ worth of advanced Nvidia chips to China, the Justice Department said Tuesday."),
            ("p", "According to a criminal complaint, the pair used a small electronics company to ship chips "
             "including more than 200 Nvidia H100 processors to China through Singapore and Malaysia over nearly "
             "three years, without obtaining the export licenses required by US law."),
            ("p", "Prosecutors cited one invoice alone worth $28.4 million for a shipment of restricted graphics "
             "processors."),
            ("ad",),
            ("p", "The case is one of the clearest examples yet of how US-made AI chips continue to reach China "
             "despite export controls that Washington has tightened repeatedly since 2022."),
            ("related", "Nvidia expects a $5.5 billion hit as the US clamps down on chip sales to China",
             "/2025/04/15/tech/nvidia-h20-china-export-charge/index.html"),
            ("p", "Last month the Financial Times reported that at least $1 billion worth of Nvidia’s restricted "
             "chips, including its B200, were sold into China in the three months after the administration "
             "tightened the rules."),
            ("p", "Nvidia said in a statement that it sells to reputable partners and that smuggled systems would "
             "come without the service and support its customers rely on."),
            ("p", "Each defendant faces up to 20 years in prison if convicted of violating export control law."),
            ("newsletter",),
        ],
        figures=["more than 200 Nvidia H100", "$28.4 million", "at least $1 billion"],
        note="DOJ complaint: 'more than 200' H100, one invoice '$28.4 million'; re-cites the FT 'at least $1 "
        "billion' figure",
    ),
    # ------------------------------------------------------------------ 2025-09-17 Nature paper
    dict(
        key="cnn_20250917_deepseek_nature_294k",
        kind="article",
        path="/2025/09/17/tech/deepseek-r1-training-cost-nature-paper/index.html",
        section="tech",
        published="2025-09-17T18:30:12.550Z",
        modified="2025-09-17T19:04:48.127Z",
        title="DeepSeek says its R1 reasoning model cost $294,000 to train",
        description="In a peer-reviewed paper, the Chinese AI company disclosed for the first time what it spent "
        "to train its R1 model.",
        byline_html='By <a class="byline__link" href="https://www.cnn.com/profiles/nadia-ferreira">'
        '<span class="byline__name">Nadia Ferreira</span></a>, CNN',
        ld_author=[{"@type": "Person", "name": "Nadia Ferreira",
                    "url": "https://www.cnn.com/profiles/nadia-ferreira"}],
        author_meta="Nadia Ferreira",
        image=("DeepSeek's logo on a screen in Beijing.", "Pedro Pardo/AFP/Getty Images",
               "250917142210-deepseek-logo-beijing.jpg"),
        dateline="Hong Kong",
        blocks=[
            ("p", "Chinese AI developer DeepSeek spent $294,000 to train its R1 reasoning model, the company said in "
             "a paper published Wednesday in the scientific journal Nature."),
            ("p", "The paper says R1 was trained on 512 Nvidia H800 chips for a total of 80 hours. It is the first "
             "time the company has put a number on what R1 itself cost."),
            ("p", "The figure does not include the cost of building the large language model that R1 was based on. "
             "DeepSeek said in January that it spent $5.6 million on computing power to train that model, V3."),
            ("ad",),
            ("p", "In supplementary material, DeepSeek acknowledged for the first time that it also owns Nvidia A100 "
             "chips and used them in preparatory experiments with a smaller model."),
            ("related", "DeepSeek, explained: How a little-known Chinese lab rattled Silicon Valley",
             "/2025/01/27/tech/deepseek-ai-explainer/index.html"),
            ("p", "US officials said in June that DeepSeek had access to large volumes of H100 chips acquired after "
             "export controls took effect, a claim the company has not addressed publicly."),
            ("p", "The Nature paper went through independent peer review, which researchers said was unusual for a "
             "major AI model. “It sets a standard the American labs have mostly avoided,” said Raj Menon of the "
             "Halvorsen Institute."),
            ("newsletter",),
        ],
        figures=["$294,000", "512 Nvidia H800", "80 hours", "$5.6 million"],
        note="Nature paper: R1 training cost '$294,000' on '512' H800 over '80 hours' (a genuinely new figure)",
    ),
    # ------------------------------------------------------------------ weather (irrelevant) 2025-12-08
    dict(
        key="cnn_20251208_lake_effect_snow",
        kind="irrelevant",
        path="/2025/12/08/weather/lake-effect-snow-great-lakes-forecast/index.html",
        section="weather",
        published="2025-12-08T15:12:55.002Z",
        modified="2025-12-08T17:45:30.284Z",
        title="Lake-effect snow could bury parts of the Great Lakes under 2 feet this week",
        description="Bands of lake-effect snow will set up downwind of the Great Lakes as Arctic air moves in.",
        byline_html='By <a class="byline__link" href="https://www.cnn.com/profiles/mara-jennings">'
        '<span class="byline__name">Mara Jennings</span></a>, CNN Meteorologist',
        ld_author=[{"@type": "Person", "name": "Mara Jennings", "url": "https://www.cnn.com/profiles/mara-jennings"}],
        author_meta="Mara Jennings",
        image=("Snow falls on a street in Buffalo, New York.", "John Normile/Getty Images",
               "251208094510-buffalo-snow-file.jpg"),
        dateline="Atlanta",
        blocks=[
            ("p", "A blast of Arctic air sweeping across the Great Lakes this week will set off bands of lake-effect "
             "snow heavy enough to make travel dangerous in parts of New York, Pennsylvania, Ohio and Michigan."),
            ("p", "The heaviest totals are expected east of Lake Erie and Lake Ontario, where 12 to 24 inches could "
             "pile up by Thursday. A few spots under the most persistent bands could top 30 inches."),
            ("p", "Snowfall rates of 2 to 3 inches per hour are possible in the strongest bands, the National "
             "Weather Service warned, with visibility dropping to near zero at times."),
            ("ad",),
            ("p", "Temperatures will run 10 to 15 degrees below normal. Highs in Buffalo may struggle to reach 25 "
             "degrees on Wednesday, and wind chills could fall below zero across the Upper Midwest."),
            ("related", "What makes lake-effect snow so intense",
             "/2024/11/29/weather/lake-effect-snow-explainer/index.html"),
            ("p", "More than 9 million people were under winter weather alerts on Monday morning."),
            ("p", "The cold is expected to ease by the weekend, when highs should climb back into the upper 30s."),
        ],
        figures=[],
        note="IRRELEVANT: weather; 12 to 24 inches of snow, 2 to 3 inches per hour, 25 degrees, 9 million people",
    ),
]
