"""Original, fictional demo content for ``manage.py load_demo``.

The province (An Hòa), its districts, communes and villages are invented; people are
named only by office ("đồng chí Chủ tịch ...") or by initials. Article texts are put
together from the topic templates below, so they read like provincial news without
copying any real article.
"""

SITE = {
    "site_name": "Cổng thông tin điện tử Ủy ban MTTQ Việt Nam tỉnh An Hòa",
    "slogan": "Đoàn kết - Dân chủ - Đổi mới - Phát triển",
    "address": "Số 18 đường Hòa Bình, phường Trung Hòa, thành phố An Hòa, tỉnh An Hòa",
    "phone": "0200 3 812 345",
    "email": "banbientap@mattran-anhoa.example",
    "footer_text": (
        "Cơ quan chủ quản: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh An Hòa.\n"
        "Chịu trách nhiệm nội dung: đồng chí Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.\n"
        "Ghi rõ nguồn “Cổng thông tin điện tử Ủy ban MTTQ tỉnh An Hòa” khi phát hành "
        "lại thông tin từ trang này. (Dữ liệu mẫu, không phải một cơ quan có thật.)"
    ),
}

# (slug, name, parent slug, order, show_on_home, description)
CATEGORIES = [
    (
        "tin-tuc-su-kien",
        "Tin tức",
        None,
        1,
        False,
        "Tin tức, sự kiện trong tỉnh và trong nước.",
    ),
    (
        "tin-trong-tinh",
        "Tin trong tỉnh",
        "tin-tuc-su-kien",
        1,
        True,
        "Hoạt động của Mặt trận và các tổ chức thành viên trong tỉnh.",
    ),
    (
        "tin-trong-nuoc",
        "Tin trong nước",
        "tin-tuc-su-kien",
        2,
        False,
        "Tin hoạt động Mặt trận các cấp trong cả nước.",
    ),
    (
        "hoat-dong",
        "Hoạt động",
        None,
        2,
        False,
        "Các phong trào thi đua, cuộc vận động và hoạt động an sinh.",
    ),
    (
        "thi-dua-khen-thuong",
        "Thi đua - Khen thưởng",
        "hoat-dong",
        1,
        True,
        "Phong trào thi đua yêu nước, điển hình tiên tiến.",
    ),
    (
        "an-sinh-xa-hoi",
        "An sinh xã hội",
        "hoat-dong",
        2,
        True,
        "Chăm lo cho hộ nghèo, gia đình chính sách, cứu trợ thiên tai.",
    ),
    (
        "nong-thon-moi",
        "Xây dựng nông thôn mới",
        "hoat-dong",
        3,
        False,
        "Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”.",
    ),
    (
        "chuyen-doi-so",
        "Chuyển đổi số",
        "hoat-dong",
        4,
        False,
        "Ứng dụng công nghệ số trong công tác Mặt trận và đời sống người dân.",
    ),
    (
        "van-ban",
        "Văn bản",
        None,
        3,
        False,
        "Kế hoạch, hướng dẫn, thông báo của Ủy ban MTTQ tỉnh.",
    ),
]

PLACES = [
    "thành phố An Hòa",
    "huyện Tân Phong",
    "huyện Hòa Lâm",
    "huyện Ngọc Khê",
    "huyện Yên Thạch",
    "huyện Suối Bạc",
    "thị xã Phú Thạnh",
    "huyện Đồng Vân",
]
COMMUNES = [
    "xã Tân Minh",
    "xã Phú Lương",
    "xã Hòa Thịnh",
    "xã Thanh Hà",
    "xã Đông Sơn",
    "xã Bình An",
    "phường Trung Hòa",
    "xã Ngọc Lâm",
]
VILLAGES = [
    "thôn Đồng Sen",
    "xóm Bến Đá",
    "bản Suối Mơ",
    "thôn Gò Mít",
    "khu dân cư số 4",
    "bản Khe Mây",
    "thôn Bãi Dài",
]
LEADERS = [
    "đồng chí Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
    "đồng chí Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
    "đồng chí Phó Bí thư Thường trực Tỉnh ủy",
    "đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh",
    "đồng chí Trưởng ban Dân vận Tỉnh ủy",
]
AUTHORS = [
    "Minh Châu",
    "Thanh Hương",
    "Quốc Bảo",
    "Hà Linh",
    "Đức Trung",
    "Ngọc Anh",
    "Văn Sơn",
    "Bích Ngọc",
]
# (name, address); an empty address shows the name without a link.
SOURCES = [
    ("Ban Tuyên giáo Ủy ban MTTQ tỉnh", ""),
    ("Báo An Hòa", ""),
    ("Đài Phát thanh và Truyền hình An Hòa", ""),
    ("Báo Đại Đoàn Kết", "https://daidoanket.vn/"),
    ("Báo Tiền Phong", "https://tienphong.vn/"),
    ("", ""),
]

# Closing paragraphs any article may end with.
CLOSINGS = [
    "Phát biểu tại {event}, {leader} ghi nhận những kết quả đã đạt được, đồng thời đề nghị các cấp, các ngành tiếp tục phối hợp chặt chẽ, phát huy sức mạnh khối đại đoàn kết toàn dân tộc để mỗi chủ trương đến được với từng người dân, từng khu dân cư.",
    "Thời gian tới, Ủy ban MTTQ {place} sẽ tiếp tục phối hợp với chính quyền và các tổ chức thành viên theo dõi, đôn đốc, kịp thời biểu dương những cách làm hay, đồng thời nắm bắt tâm tư, nguyện vọng của Nhân dân để phản ánh tới cấp có thẩm quyền.",
    "Nhiều ý kiến cho rằng cần tiếp tục đổi mới nội dung, phương thức hoạt động, hướng mạnh về khu dân cư, lấy sự hài lòng của người dân làm thước đo hiệu quả công tác.",
    "Kết thúc {event}, các đại biểu thống nhất sớm cụ thể hóa những nội dung đã bàn thành kế hoạch hành động, phân công rõ người, rõ việc, rõ thời hạn hoàn thành.",
    "Ghi nhận tại {commune} cho thấy người dân phấn khởi, tin tưởng và sẵn sàng chung tay cùng chính quyền khi các chủ trương được bàn bạc công khai, dân chủ ngay từ đầu.",
    "Đây là hoạt động nằm trong kế hoạch năm {year} của Ủy ban MTTQ tỉnh, nhằm cụ thể hóa Chương trình phối hợp và thống nhất hành động giữa Mặt trận và các tổ chức thành viên.",
]

# Captions that fit the painted scene of each kind ("fields", "lake", "hills").
SCENE_CAPTIONS = {
    "fields": [
        "Cánh đồng {commune}, {place} vào vụ mới",
        "Những thửa ruộng bậc thang ở {village}, {commune}",
    ],
    "lake": [
        "Mặt hồ {commune}, {place} lúc bình minh",
        "Dòng sông chảy qua {village}, {commune}",
    ],
    "hills": [
        "Đồi núi {place} nhìn từ {village}",
        "Một góc {commune}, {place} sau cơn mưa",
    ],
}

# Colours of the painted demo images: sky top, sky at the horizon, sun, three hill
# layers from far to near, and the ground.
PALETTES = [
    (
        (86, 148, 214),
        (196, 226, 245),
        (255, 246, 214),
        [(128, 160, 176), (86, 128, 110), (58, 104, 70)],
        (118, 164, 72),
    ),
    (
        (236, 128, 88),
        (252, 210, 150),
        (255, 240, 200),
        [(170, 120, 140), (120, 84, 110), (78, 60, 82)],
        (120, 110, 60),
    ),
    (
        (40, 64, 120),
        (230, 150, 110),
        (255, 214, 150),
        [(110, 90, 130), (70, 64, 100), (40, 44, 70)],
        (66, 82, 60),
    ),
    (
        (170, 190, 200),
        (226, 232, 230),
        (250, 250, 240),
        [(160, 176, 176), (120, 146, 140), (86, 118, 104)],
        (140, 170, 120),
    ),
    (
        (120, 180, 230),
        (220, 236, 220),
        (255, 250, 220),
        [(150, 170, 140), (110, 150, 90), (80, 126, 56)],
        (196, 176, 64),
    ),
    (
        (60, 120, 170),
        (170, 210, 220),
        (255, 236, 180),
        [(90, 130, 150), (60, 100, 110), (34, 76, 70)],
        (70, 130, 90),
    ),
]

# A topic: its category, tags, title templates, a summary, a lead, detail paragraphs
# to pick from, and optional bullet items, quotes and a table for variety. ``n``
# is the range numbers in the texts are drawn from, ``money`` the range in millions
# of đồng. ``image`` False means articles of this topic have no picture.
TOPICS = [
    {
        "category": "tin-trong-tinh",
        "tags": ["hội nghị", "đại đoàn kết"],
        "event": "hội nghị",
        "n": (60, 160),
        "money": (100, 400),
        "titles": [
            "Ủy ban MTTQ {place} sơ kết công tác Mặt trận 6 tháng đầu năm",
            "Hội nghị hiệp thương cử bổ sung Ủy viên Ủy ban MTTQ {place}",
            "Ban Thường trực Ủy ban MTTQ tỉnh làm việc với {place} về công tác Mặt trận ở cơ sở",
            "Người đứng đầu cấp ủy {place} đối thoại trực tiếp với Nhân dân",
        ],
        "summary": "Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ thời gian qua, chỉ ra những hạn chế ở cơ sở và thống nhất các giải pháp trọng tâm trong thời gian tới.",
        "lead": "Ngày vừa qua, Ủy ban MTTQ {place} tổ chức hội nghị với sự tham dự của {n} đại biểu là Ủy viên Ủy ban, Trưởng ban Công tác Mặt trận các khu dân cư và đại diện các tổ chức thành viên.",
        "details": [
            "Theo báo cáo, các tầng lớp Nhân dân trên địa bàn đã tích cực hưởng ứng cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”; nhiều khu dân cư được công nhận đạt chuẩn văn hóa.",
            "Công tác giám sát, phản biện xã hội được triển khai có trọng tâm; Mặt trận các cấp đã tiếp nhận và chuyển {n} ý kiến, kiến nghị của cử tri tới các cơ quan có thẩm quyền, phần lớn đã được trả lời.",
            "Quỹ “Vì người nghèo” các cấp vận động được hơn {money} triệu đồng, hỗ trợ sửa chữa nhà ở, trao quà, giúp hộ khó khăn vay vốn phát triển sản xuất.",
            "Bên cạnh kết quả đạt được, hội nghị cũng thẳng thắn chỉ ra một số hạn chế: hoạt động của một vài Ban Công tác Mặt trận còn hình thức, việc nắm bắt dư luận xã hội có lúc chưa kịp thời.",
            "Các ý kiến tham luận tập trung vào kinh nghiệm tập hợp, đoàn kết Nhân dân ở vùng đồng bào dân tộc thiểu số và cách vận động người dân tham gia giữ gìn an ninh trật tự ở khu dân cư.",
        ],
        "items": [
            "Nâng cao chất lượng hoạt động của Ban Công tác Mặt trận ở khu dân cư",
            "Đổi mới cách tuyên truyền, vận động, ưu tiên gặp gỡ trực tiếp người dân",
            "Phối hợp giám sát việc thực hiện các chính sách an sinh xã hội",
            "Tổ chức tốt Ngày hội Đại đoàn kết toàn dân tộc ở 100% khu dân cư",
        ],
        "quotes": [
            "Cán bộ Mặt trận phải sâu sát cơ sở, nói để dân hiểu, làm để dân tin; việc gì có lợi cho dân thì hết sức làm.",
        ],
    },
    {
        "category": "an-sinh-xa-hoi",
        "tags": ["an sinh xã hội", "Tết", "người nghèo"],
        "event": "chương trình",
        "n": (150, 600),
        "money": (200, 900),
        "titles": [
            "Trao {n} suất quà Tết cho hộ nghèo, gia đình chính sách {place}",
            "Chương trình “Tết vì người nghèo” đến với bà con {place}",
            "Chăm lo Tết cho hội viên, đoàn viên có hoàn cảnh khó khăn ở {place}",
        ],
        "summary": "Những phần quà tuy không lớn về giá trị nhưng thể hiện sự quan tâm, sẻ chia của cộng đồng, giúp các gia đình khó khăn có thêm điều kiện đón Tết ấm áp.",
        "lead": "Ủy ban MTTQ tỉnh phối hợp với các doanh nghiệp, nhà hảo tâm tổ chức trao {n} suất quà cho hộ nghèo, hộ cận nghèo và gia đình chính sách tại {place}, tổng trị giá khoảng {money} triệu đồng.",
        "details": [
            "Mỗi suất quà gồm tiền mặt, gạo, dầu ăn, bánh kẹo và chăn ấm; danh sách người nhận do Ban Công tác Mặt trận các khu dân cư bình xét công khai, bảo đảm đúng đối tượng.",
            "Đoàn công tác đã đến tận nhà thăm hỏi một số cụ cao tuổi neo đơn, người khuyết tật nặng ở {village}, {commune}, động viên các gia đình vượt khó.",
            "Cùng với quà Tết, nhiều đơn vị đã khám bệnh, cấp thuốc miễn phí và cắt tóc cho người dân; các em nhỏ được tặng áo ấm, sách vở.",
            "Năm nay, nguồn lực chăm lo Tết được huy động từ nhiều nguồn xã hội hóa; Mặt trận các cấp công khai danh sách đóng góp và người nhận tại trụ sở xã và trên loa truyền thanh.",
        ],
        "items": [
            "Hộ nghèo, hộ cận nghèo theo danh sách năm {year}",
            "Gia đình chính sách, người có công có hoàn cảnh khó khăn",
            "Người cao tuổi cô đơn, người khuyết tật nặng",
            "Trẻ em mồ côi, học sinh nghèo vượt khó",
        ],
        "quotes": [
            "Năm nay được các cô chú đến tận nhà thăm, tặng quà, gia đình tôi vui lắm, Tết này ấm hơn nhiều.",
            "Có người nhớ đến mình lúc khó khăn là quý rồi, tôi sẽ cố gắng làm ăn để năm sau thoát nghèo.",
        ],
    },
    {
        "category": "an-sinh-xa-hoi",
        "tags": ["nhà đại đoàn kết", "an sinh xã hội", "người nghèo"],
        "event": "buổi lễ",
        "n": (6, 24),
        "money": (300, 1200),
        "titles": [
            "Bàn giao nhà Đại đoàn kết cho hộ nghèo {place}",
            "Khởi công xây dựng {n} căn nhà Đại đoàn kết tại {place}",
            "Quỹ “Vì người nghèo” {place} chung tay xóa nhà tạm, nhà dột nát",
        ],
        "summary": "Từ nguồn Quỹ “Vì người nghèo” và sự góp công, góp sức của cộng đồng, nhiều hộ khó khăn đã có nơi ở kiên cố, yên tâm lao động sản xuất.",
        "lead": "Ủy ban MTTQ {place} vừa phối hợp với chính quyền địa phương tổ chức lễ bàn giao {n} căn nhà Đại đoàn kết cho các hộ nghèo, tổng kinh phí hơn {money} triệu đồng.",
        "details": [
            "Mỗi căn nhà có diện tích từ 40 đến 60 mét vuông, được hỗ trợ 50 triệu đồng từ Quỹ “Vì người nghèo” tỉnh; phần còn lại do gia đình, dòng họ và bà con lối xóm góp công, góp vật liệu.",
            "Tại {village}, {commune}, đoàn viên thanh niên và hội viên cựu chiến binh đã góp hàng trăm ngày công san nền, vận chuyển vật liệu để ngôi nhà kịp hoàn thành trước mùa mưa.",
            "Ban Công tác Mặt trận khu dân cư được giao giám sát quá trình xây dựng, bảo đảm nhà đúng thiết kế, đúng tiến độ và sử dụng kinh phí công khai, minh bạch.",
            "Từ đầu năm đến nay, toàn tỉnh đã hỗ trợ xây mới, sửa chữa hàng trăm căn nhà cho hộ nghèo, hộ có hoàn cảnh đặc biệt khó khăn.",
        ],
        "table": (
            ("Nguồn kinh phí", "Tỷ lệ"),
            [
                ("Quỹ “Vì người nghèo” tỉnh", "55%"),
                ("Ngân sách địa phương", "20%"),
                ("Gia đình, dòng họ và cộng đồng", "25%"),
            ],
        ),
        "quotes": [
            "Cả đời làm thuê, tôi chưa dám nghĩ có ngày được ở nhà vững chãi thế này. Mùa mưa năm nay không còn lo dột nữa.",
        ],
    },
    {
        "category": "an-sinh-xa-hoi",
        "tags": ["phòng chống thiên tai", "cứu trợ", "an sinh xã hội"],
        "event": "chuyến công tác",
        "n": (40, 260),
        "money": (150, 2000),
        "titles": [
            "Kịp thời hỗ trợ người dân vùng lũ {place} ổn định cuộc sống",
            "Tiếp nhận, phân bổ nguồn ủng hộ khắc phục hậu quả mưa lũ tại {place}",
            "Đoàn công tác của tỉnh thăm hỏi các hộ bị thiệt hại do sạt lở đất ở {place}",
        ],
        "summary": "Ngay sau khi nước rút, Mặt trận các cấp đã vào cuộc cùng chính quyền hỗ trợ lương thực, nước sạch và giúp người dân dọn dẹp nhà cửa, sớm trở lại sản xuất.",
        "lead": "Đợt mưa lớn kéo dài vừa qua khiến {n} hộ dân ở {place} bị ngập nhà, nhiều diện tích hoa màu bị hư hại. Ủy ban MTTQ tỉnh đã trích Quỹ Cứu trợ hỗ trợ khẩn cấp {money} triệu đồng cho các hộ bị thiệt hại.",
        "details": [
            "Tại {commune}, các đoàn viên thanh niên, hội viên phụ nữ và lực lượng dân quân đã giúp bà con dọn bùn đất, vệ sinh giếng nước, phun khử khuẩn phòng dịch bệnh sau lũ.",
            "Mỗi hộ có nhà bị sập hoặc hư hỏng nặng được hỗ trợ 10 triệu đồng; hộ có người bị thương được thăm hỏi, hỗ trợ chi phí điều trị.",
            "Ban Vận động cứu trợ các cấp công khai số tiền, hàng hóa tiếp nhận và danh sách hộ được hỗ trợ, bảo đảm đúng người, đúng mức thiệt hại.",
            "Ngành nông nghiệp đang hướng dẫn bà con gieo trồng lại các loại rau màu ngắn ngày, cung ứng giống để khôi phục sản xuất.",
        ],
        "items": [
            "Gạo, mì tôm, nước uống đóng chai",
            "Thuốc men, hóa chất khử khuẩn",
            "Chăn màn, quần áo, sách vở cho học sinh",
            "Tiền mặt hỗ trợ sửa chữa nhà ở",
        ],
        "table": (
            ("Hạng mục hỗ trợ", "Số hộ"),
            [
                ("Nhà sập hoàn toàn", "{n_small}"),
                ("Nhà hư hỏng nặng", "{n}"),
                ("Mất trắng hoa màu", "{n_big}"),
            ],
        ),
    },
    {
        "category": "nong-thon-moi",
        "tags": ["nông thôn mới", "cuộc vận động"],
        "event": "buổi làm việc",
        "n": (800, 4000),
        "money": (400, 3000),
        "titles": [
            "{place} phát huy vai trò của Nhân dân trong xây dựng nông thôn mới nâng cao",
            "Người dân {place} hiến đất, góp công làm đường giao thông nông thôn",
            "Khu dân cư kiểu mẫu ở {place}: sạch đường làng, sáng ngõ xóm",
        ],
        "summary": "Khi người dân được bàn bạc, quyết định và giám sát, các công trình nông thôn mới được làm nhanh hơn, chất lượng hơn và được giữ gìn lâu bền.",
        "lead": "Hưởng ứng cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, người dân {place} đã tự nguyện hiến {n} mét vuông đất, đóng góp hơn {money} triệu đồng và hàng nghìn ngày công.",
        "details": [
            "Ở {village}, {commune}, nhiều gia đình chủ động lùi tường rào, chặt bỏ cây cối để mở rộng đường liên thôn; con đường trước đây lầy lội nay đã được bê tông hóa, xe ô tô vào tận ngõ.",
            "Các tuyến đường hoa, đường điện chiếu sáng được người dân tự quản; mỗi hộ nhận chăm sóc đoạn đường trước cửa nhà mình.",
            "Ban Giám sát đầu tư của cộng đồng được thành lập ở từng công trình, kiểm tra vật liệu, khối lượng và công khai kết quả tại các cuộc họp thôn.",
            "Thu nhập bình quân đầu người trên địa bàn tăng rõ rệt nhờ chuyển đổi cơ cấu cây trồng, phát triển các sản phẩm đạt chuẩn OCOP.",
        ],
        "items": [
            "Mở rộng, bê tông hóa đường liên thôn, ngõ xóm",
            "Xây dựng tuyến đường hoa, đường điện chiếu sáng",
            "Phân loại rác thải tại nguồn, ủ phân hữu cơ",
            "Chỉnh trang nhà văn hóa, sân thể thao khu dân cư",
        ],
        "quotes": [
            "Đường rộng ra thì cả xóm được hưởng, con cháu đi học cũng an toàn hơn, mất vài mét đất có đáng là bao.",
        ],
    },
    {
        "category": "chuyen-doi-so",
        "tags": ["chuyển đổi số", "dịch vụ công"],
        "event": "chương trình",
        "n": (30, 120),
        "money": (20, 90),
        "titles": [
            "Tổ công nghệ số cộng đồng {place} hướng dẫn người dân dùng dịch vụ công trực tuyến",
            "Đưa thanh toán không dùng tiền mặt về chợ nông thôn ở {place}",
            "Ứng dụng phần mềm quản lý đoàn viên, hội viên trong hệ thống Mặt trận {place}",
        ],
        "summary": "Những việc làm cụ thể, gần gũi giúp người dân, nhất là người cao tuổi và đồng bào vùng sâu, từng bước làm quen và được hưởng lợi từ công nghệ số.",
        "lead": "{n} tổ công nghệ số cộng đồng ở {place} đã ra mắt, do Trưởng ban Công tác Mặt trận khu dân cư làm tổ trưởng, thành viên là đoàn viên thanh niên, công an viên và người dân am hiểu công nghệ.",
        "details": [
            "Các tổ hướng dẫn người dân cài đặt ứng dụng định danh điện tử, nộp hồ sơ dịch vụ công trực tuyến, thanh toán tiền điện, nước, học phí qua điện thoại.",
            "Tại chợ {commune}, phần lớn tiểu thương đã có mã QR thanh toán; người bán rau, bán cá cũng quen với việc nhận tiền qua tài khoản.",
            "Phần mềm quản lý giúp cập nhật danh sách đoàn viên, hội viên, hộ nghèo và các khoản hỗ trợ, giảm giấy tờ, tránh trùng lặp đối tượng.",
            "Những buổi hướng dẫn được tổ chức vào buổi tối tại nhà văn hóa để người dân đi làm đồng về vẫn tham gia được.",
        ],
        "items": [
            "Cài đặt, kích hoạt tài khoản định danh điện tử",
            "Nộp hồ sơ, tra cứu kết quả trên Cổng dịch vụ công",
            "Thanh toán không dùng tiền mặt",
            "Nhận biết, phòng tránh lừa đảo qua mạng",
        ],
        "quotes": [
            "Trước tôi cứ nghĩ điện thoại chỉ để nghe gọi, giờ làm giấy tờ cho cháu cũng tự làm ở nhà được, không phải đi lại mất công.",
        ],
    },
    {
        "category": "tin-trong-tinh",
        "tags": ["tập huấn", "cán bộ cơ sở"],
        "event": "lớp tập huấn",
        "n": (80, 220),
        "money": (10, 60),
        "titles": [
            "Tập huấn nghiệp vụ công tác Mặt trận cho cán bộ cơ sở {place}",
            "Bồi dưỡng kỹ năng giám sát cho Ban Thanh tra nhân dân {place}",
            "Tập huấn kỹ năng tuyên truyền trên mạng xã hội cho cán bộ Mặt trận {place}",
        ],
        "summary": "Lớp tập huấn trang bị cho cán bộ cơ sở những kiến thức, kỹ năng cần thiết, giúp nâng cao chất lượng hoạt động của Mặt trận ở khu dân cư.",
        "lead": "Ủy ban MTTQ tỉnh tổ chức lớp tập huấn cho {n} học viên là Chủ tịch Ủy ban MTTQ cấp xã, Trưởng ban Công tác Mặt trận và Trưởng ban Thanh tra nhân dân ở {place}.",
        "details": [
            "Học viên được giới thiệu các văn bản mới về công tác Mặt trận, quy trình tổ chức giám sát, phản biện xã hội và tham gia góp ý xây dựng Đảng, xây dựng chính quyền.",
            "Phần thảo luận nhóm sôi nổi với các tình huống thực tế: hòa giải mâu thuẫn ở khu dân cư, tiếp nhận đơn thư, vận động người dân thực hiện quy ước, hương ước.",
            "Giảng viên là cán bộ các ban chuyên môn của Ủy ban MTTQ tỉnh và Trường Chính trị tỉnh, nhiều năm gắn bó với công tác vận động quần chúng.",
            "Cuối lớp, học viên làm bài kiểm tra, được cấp giấy chứng nhận và bộ tài liệu hướng dẫn nghiệp vụ để tra cứu khi cần.",
        ],
        "table": (
            ("Chuyên đề", "Thời lượng"),
            [
                ("Nghiệp vụ công tác Mặt trận ở cơ sở", "1 buổi"),
                ("Kỹ năng giám sát, phản biện xã hội", "1 buổi"),
                ("Kỹ năng tuyên truyền, vận động", "1/2 buổi"),
                ("Thảo luận tình huống", "1/2 buổi"),
            ],
        ),
    },
    {
        "category": "thi-dua-khen-thuong",
        "tags": ["thi đua", "khen thưởng", "điển hình tiên tiến"],
        "event": "buổi lễ",
        "n": (30, 120),
        "money": (50, 200),
        "titles": [
            "{place} biểu dương {n} điển hình tiên tiến trong phong trào thi đua yêu nước",
            "Ký kết giao ước thi đua giữa các tổ chức chính trị - xã hội {place}",
            "Khen thưởng tập thể, cá nhân tiêu biểu trong cuộc vận động xây dựng nông thôn mới tại {place}",
        ],
        "summary": "Những tấm gương được tôn vinh là minh chứng sinh động cho sức lan tỏa của phong trào thi đua yêu nước trong các tầng lớp Nhân dân.",
        "lead": "Tại buổi lễ, {n} tập thể, cá nhân ở {place} được khen thưởng vì có thành tích tiêu biểu trong lao động sản xuất, xây dựng nông thôn mới và giữ gìn an ninh trật tự.",
        "details": [
            "Trong số các điển hình có ông Đ.V.T ở {village}, người đã hiến hơn 500 mét vuông đất làm đường và vận động bà con cùng làm theo.",
            "Nhiều mô hình kinh tế hộ gia đình cho thu nhập khá đã tạo việc làm thường xuyên cho lao động địa phương, giúp hàng chục hộ thoát nghèo.",
            "Các tổ chức chính trị - xã hội ký kết giao ước thi đua, cam kết phối hợp vận động đoàn viên, hội viên thực hiện tốt các chỉ tiêu được giao.",
            "Công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến được chú trọng; việc khen thưởng bảo đảm đúng người, đúng việc, kịp thời.",
        ],
        "table": (
            ("Hình thức khen thưởng", "Số lượng"),
            [
                ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "{n_small}"),
                ("Bằng khen của Ủy ban MTTQ tỉnh", "{n}"),
                ("Giấy khen cấp huyện", "{n_big}"),
            ],
        ),
        "quotes": [
            "Phần thưởng hôm nay là niềm vinh dự, cũng là trách nhiệm để tôi tiếp tục cùng bà con làm giàu chính đáng trên mảnh đất quê mình.",
        ],
    },
    {
        "category": "tin-trong-tinh",
        "tags": ["giám sát", "phản biện xã hội"],
        "event": "hội nghị",
        "n": (20, 90),
        "money": (10, 60),
        "titles": [
            "Giám sát việc thực hiện chính sách bảo hiểm y tế cho người dân {place}",
            "Hội nghị phản biện xã hội dự thảo Nghị quyết về hỗ trợ phát triển sản xuất nông nghiệp",
            "Lắng nghe ý kiến, kiến nghị của cử tri {place} trước kỳ họp Hội đồng nhân dân tỉnh",
        ],
        "summary": "Các ý kiến đóng góp tập trung vào những vấn đề người dân quan tâm, bảo đảm chính sách khi ban hành sát thực tiễn, khả thi.",
        "lead": "Đoàn giám sát của Ủy ban MTTQ tỉnh đã làm việc tại {place}, lắng nghe {n} ý kiến của cử tri và đại diện các hộ dân về những vấn đề đang được quan tâm.",
        "details": [
            "Nhiều ý kiến đề nghị đơn giản hóa thủ tục, rút ngắn thời gian giải quyết hồ sơ và tăng cường đối thoại trực tiếp giữa chính quyền với người dân.",
            "Đoàn giám sát ghi nhận địa phương đã triển khai đúng các quy định, tuy nhiên việc tuyên truyền ở vùng sâu, vùng xa còn hạn chế, một bộ phận người dân chưa nắm được quyền lợi của mình.",
            "Các chuyên gia, nhà khoa học tham gia phản biện đề nghị làm rõ tiêu chí, đối tượng và nguồn lực thực hiện, tránh dàn trải, hình thức.",
            "Toàn bộ ý kiến sẽ được Ủy ban MTTQ tỉnh tổng hợp, gửi tới cơ quan soạn thảo và theo dõi việc tiếp thu, giải trình.",
        ],
        "items": [
            "Rà soát, cập nhật kịp thời đối tượng thụ hưởng chính sách",
            "Công khai quy trình, thời hạn giải quyết hồ sơ",
            "Tăng cường tuyên truyền bằng tiếng dân tộc ở vùng cao",
        ],
    },
    {
        "category": "an-sinh-xa-hoi",
        "tags": ["khuyến học", "an sinh xã hội"],
        "event": "buổi lễ",
        "n": (40, 150),
        "money": (60, 300),
        "titles": [
            "Trao học bổng “Tiếp sức đến trường” cho học sinh nghèo vượt khó {place}",
            "Tặng xe đạp, sách vở cho học sinh vùng cao {place}",
        ],
        "summary": "Những suất học bổng, chiếc xe đạp mới là nguồn động viên để các em vững bước tới trường, không bỏ học giữa chừng.",
        "lead": "Ủy ban MTTQ {place} phối hợp với Hội Khuyến học và các nhà hảo tâm trao {n} suất học bổng, xe đạp và sách vở cho học sinh có hoàn cảnh khó khăn, tổng trị giá {money} triệu đồng.",
        "details": [
            "Các em được nhận học bổng đều có thành tích học tập khá, giỏi dù gia đình thuộc diện hộ nghèo hoặc mồ côi cha, mẹ.",
            "Nhiều em ở {village} phải đi bộ hàng chục cây số mỗi ngày để đến trường; chiếc xe đạp mới giúp các em bớt vất vả trên đường học.",
            "Chương trình được duy trì nhiều năm nay, trở thành hoạt động thường xuyên vào dịp khai giảng năm học mới.",
        ],
        "quotes": [
            "Có xe đạp rồi, sáng mai cháu không phải dậy từ năm giờ để đi bộ nữa. Cháu hứa sẽ học thật tốt.",
        ],
    },
    {
        "category": "tin-trong-nuoc",
        "tags": ["đại đoàn kết", "cuộc vận động"],
        "event": "hội nghị",
        "n": (60, 180),
        "money": (1000, 9000),
        "titles": [
            "Mặt trận các cấp phát động tháng cao điểm “Vì người nghèo”",
            "Hội nghị trực tuyến toàn quốc bàn giải pháp nâng cao hiệu quả giám sát của Mặt trận",
            "Các tỉnh miền Trung chung tay hỗ trợ đồng bào bị ảnh hưởng bởi bão lũ",
            "Ra mắt nền tảng số hỗ trợ vận động, tiếp nhận và phân bổ nguồn cứu trợ",
        ],
        "summary": "Sự kiện thu hút sự quan tâm của Mặt trận các cấp, các tổ chức thành viên và đông đảo các tầng lớp Nhân dân trong cả nước.",
        "lead": "Hoạt động được tổ chức trực tiếp kết hợp trực tuyến tới điểm cầu các tỉnh, thành phố; tại điểm cầu tỉnh An Hòa có {n} đại biểu tham dự, do {leader} chủ trì.",
        "details": [
            "Các đại biểu đánh giá sự đồng hành của doanh nghiệp và cộng đồng đã góp phần quan trọng vào kết quả giảm nghèo, chăm lo đời sống người dân những năm qua.",
            "Nhiều địa phương chia sẻ kinh nghiệm huy động nguồn lực xã hội hóa, công khai thu chi trên nền tảng số để người đóng góp theo dõi được tiền của mình đi đâu.",
            "Tổng số tiền, hàng hóa các cơ quan, đơn vị đăng ký ủng hộ ngay tại chương trình ước đạt {money} triệu đồng.",
            "Tại điểm cầu An Hòa, Ủy ban MTTQ tỉnh cho biết sẽ sớm triển khai các nội dung được phát động tới Mặt trận cấp huyện, cấp xã.",
        ],
        "items": [
            "Hỗ trợ xây dựng, sửa chữa nhà ở cho hộ nghèo",
            "Hỗ trợ sinh kế, tạo việc làm bền vững",
            "Chăm lo y tế, giáo dục cho trẻ em vùng khó khăn",
        ],
    },
    {
        "category": "van-ban",
        "tags": ["văn bản", "hướng dẫn"],
        "event": "văn bản",
        "n": (5, 20),
        "money": (10, 50),
        "image": False,
        "titles": [
            "Hướng dẫn tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư",
            "Kế hoạch tổ chức cuộc thi tìm hiểu lịch sử Mặt trận Tổ quốc Việt Nam",
            "Thông báo lịch tiếp công dân của Thường trực Ủy ban MTTQ tỉnh",
            "Kế hoạch giám sát chuyên đề của Ủy ban MTTQ tỉnh",
        ],
        "summary": "Ban Thường trực Ủy ban MTTQ tỉnh ban hành văn bản hướng dẫn Mặt trận các cấp triển khai thực hiện; toàn văn được đăng tải để cán bộ và Nhân dân tiện theo dõi.",
        "lead": "Căn cứ chương trình công tác năm {year}, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh An Hòa ban hành văn bản này, đề nghị Ủy ban MTTQ các huyện, thị xã, thành phố triển khai tới cơ sở.",
        "details": [
            "Mục đích: phát huy truyền thống đoàn kết, tinh thần tương thân tương ái ở cộng đồng dân cư; đánh giá kết quả thực hiện các cuộc vận động, phong trào thi đua.",
            "Yêu cầu: tổ chức thiết thực, tiết kiệm, phù hợp phong tục tập quán của từng địa phương; tránh phô trương, hình thức.",
            "Ủy ban MTTQ cấp huyện tổng hợp kết quả, báo cáo về Ban Thường trực Ủy ban MTTQ tỉnh (qua Ban Phong trào) đúng thời hạn để tổng hợp chung.",
            "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Văn phòng Ủy ban MTTQ tỉnh để được hướng dẫn.",
        ],
        "table": (
            ("Nội dung", "Đơn vị thực hiện", "Thời gian"),
            [
                (
                    "Ban hành kế hoạch cấp huyện",
                    "Ủy ban MTTQ cấp huyện",
                    "Tháng đầu quý",
                ),
                ("Tổ chức ở khu dân cư", "Ban Công tác Mặt trận", "Trong quý"),
                ("Báo cáo kết quả", "Ủy ban MTTQ cấp huyện", "Cuối quý"),
            ],
        ),
    },
    {
        "category": "tin-trong-tinh",
        "tags": ["đại đoàn kết", "ngày hội"],
        "event": "ngày hội",
        "n": (300, 900),
        "money": (20, 120),
        "titles": [
            "Rộn ràng Ngày hội Đại đoàn kết toàn dân tộc ở {place}",
            "Lãnh đạo tỉnh chung vui Ngày hội Đại đoàn kết với Nhân dân {place}",
        ],
        "summary": "Ngày hội là dịp để mỗi gia đình, mỗi người dân ôn lại truyền thống, cùng nhìn lại những việc đã làm được và bàn cách xây dựng khu dân cư ngày càng giàu đẹp.",
        "lead": "Hơn {n} người dân {village}, {commune}, {place} đã cùng tham gia Ngày hội Đại đoàn kết toàn dân tộc với nhiều hoạt động văn hóa, thể thao sôi nổi.",
        "details": [
            "Phần lễ ôn lại truyền thống vẻ vang của Mặt trận Tổ quốc Việt Nam, báo cáo kết quả thực hiện cuộc vận động ở khu dân cư trong năm.",
            "Phần hội có thi nấu cơm, kéo co, đẩy gậy, hát dân ca; các gia đình mang đến những món ăn truyền thống để cùng thưởng thức.",
            "Dịp này, khu dân cư đã trao quà cho các hộ khó khăn và khen thưởng gia đình văn hóa tiêu biểu, học sinh giỏi.",
        ],
        "quotes": [
            "Năm nào làng cũng mong đến ngày này; già trẻ gái trai đều có mặt, ai cũng thấy gần nhau hơn.",
        ],
    },
    {
        "category": "nong-thon-moi",
        "tags": ["môi trường", "nông thôn mới"],
        "event": "buổi ra quân",
        "n": (1000, 5000),
        "money": (30, 150),
        "titles": [
            "Ra quân trồng {n} cây xanh ven đường liên xã tại {place}",
            "Phát động phong trào chống rác thải nhựa ở khu dân cư {place}",
        ],
        "summary": "Phong trào nhận được sự hưởng ứng của đông đảo đoàn viên, hội viên và người dân, góp phần xây dựng cảnh quan xanh - sạch - đẹp.",
        "lead": "Ủy ban MTTQ {place} phối hợp với các tổ chức thành viên ra quân trồng {n} cây xanh và thu gom rác thải dọc các tuyến đường liên xã, bờ kênh, khu vực công cộng.",
        "details": [
            "Cây giống do các doanh nghiệp trên địa bàn tài trợ; mỗi tuyến đường được giao cho một chi hội hoặc chi đoàn nhận chăm sóc.",
            "Tại {commune}, mô hình “Ngôi nhà xanh” thu gom phế liệu để gây quỹ giúp hội viên nghèo đã được nhân rộng ra nhiều thôn.",
            "Người dân được hướng dẫn phân loại rác tại nguồn, hạn chế dùng túi ni lông khi đi chợ và tận dụng rác hữu cơ làm phân bón.",
        ],
        "items": [
            "Mang theo túi vải, giỏ nhựa dùng nhiều lần khi đi chợ",
            "Phân loại rác hữu cơ, rác tái chế và rác còn lại",
            "Không vứt rác xuống kênh mương, ven đường",
        ],
    },
]

# The one article with a fixed date, whose page must read "Thứ sáu - 12/01/2024 02:02".
FIXED_ARTICLE = {
    "title": "Cụm thi đua các tổ chức chính trị - xã hội tổng kết công tác thi đua, khen thưởng năm 2023",
    "category": "thi-dua-khen-thuong",
    "tags": ["thi đua", "khen thưởng", "tổng kết"],
    "publish_at": (2024, 1, 12, 2, 2),
    "summary": "Cụm thi đua các tổ chức chính trị - xã hội tỉnh An Hòa tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và ký kết giao ước thi đua năm 2024.",
    "source": ("Ban Tuyên giáo Ủy ban MTTQ tỉnh", ""),
    "author": "Minh Châu",
    "paragraphs": [
        "Cụm thi đua gồm 6 đơn vị: Ủy ban MTTQ Việt Nam tỉnh, Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn và Hội Cựu chiến binh tỉnh. Năm 2023, Ủy ban MTTQ tỉnh là đơn vị Cụm trưởng.",
        "Theo báo cáo, các đơn vị trong Cụm đã bám sát nhiệm vụ chính trị, cụ thể hóa các phong trào thi đua bằng chỉ tiêu, việc làm cụ thể; nhiều mô hình hay được nhân rộng như “Dân vận khéo”, “Phụ nữ giúp nhau phát triển kinh tế”, “Cựu chiến binh gương mẫu”.",
        "Hội nghị đã bình xét, suy tôn các đơn vị dẫn đầu và đề nghị cấp có thẩm quyền khen thưởng các tập thể có thành tích xuất sắc.",
    ],
    "table": (
        ("Đơn vị", "Hình thức đề nghị khen thưởng"),
        [
            ("Hội Nông dân tỉnh", "Cờ thi đua của Ủy ban nhân dân tỉnh"),
            (
                "Hội Liên hiệp Phụ nữ tỉnh",
                "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            ),
            ("Tỉnh đoàn", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
        ],
    ),
    "closing": "Tại hội nghị, các đơn vị đã ký kết giao ước thi đua năm 2024 và thống nhất Liên đoàn Lao động tỉnh làm Cụm trưởng, Hội Cựu chiến binh tỉnh làm Cụm phó.",
}

# Photo library: albums of painted scenes. (slug, title, description, days ago,
# [(scene, caption), ...])
ALBUMS = [
    (
        "ngay-hoi-dai-doan-ket-toan-dan-toc-thon-dong-tien",
        "Ngày hội Đại đoàn kết toàn dân tộc ở thôn Đồng Tiến",
        "Ảnh ngày hội ở thôn Đồng Tiến, xã Hòa Lạc: lễ chào cờ, trao quà cho hộ "
        "khó khăn và các trò chơi dân gian.",
        12,
        [
            ("fields", "Cánh đồng thôn Đồng Tiến trước ngày hội"),
            ("hills", "Nhà văn hóa thôn nhìn từ đồi chè"),
            ("fields", "Bà con ra đồng sau lễ chào cờ"),
            ("lake", "Hồ sen đầu thôn, nơi tổ chức trò chơi dân gian"),
        ],
    ),
    (
        "phong-canh-que-huong-an-hoa",
        "Phong cảnh quê hương An Hòa",
        "Những góc quê An Hòa qua ống kính cộng tác viên của Ban biên tập.",
        40,
        [
            ("lake", "Mặt hồ Trung Hòa lúc bình minh"),
            ("hills", "Đồi núi phía tây tỉnh sau cơn mưa"),
            ("fields", "Ruộng bậc thang mùa nước đổ"),
            ("lake", "Dòng sông chảy qua xã Hòa Lạc"),
        ],
    ),
]

# Side-column banners: (alt text, link, new tab, label on the picture, colour).
BANNERS = [
    (
        "Nông sản An Hòa: sản phẩm OCOP và đặc sản của tỉnh",
        "https://nongsan.anhoa.example/",
        True,
        "NÔNG SẢN AN HÒA",
        (34, 120, 64),
    ),
    ("Liên hệ với Ban biên tập", "/lien-he/", False, "LIÊN HỆ", (11, 79, 156)),
    (
        "Hỏi đáp: bạn đọc hỏi, cơ quan trả lời",
        "https://hoidap.anhoa.example/",
        True,
        "HỎI - ĐÁP",
        (179, 27, 27),
    ),
]

# Contact-form departments: (name, recipient emails, order).
DEPARTMENTS = [
    ("Văn phòng", "vanphong@anhoa.example", 1),
    ("Ban Tuyên giáo", "tuyengiao@anhoa.example", 2),
    ("Ban biên tập trang thông tin", "bbt@anhoa.example, thuky.bbt@anhoa.example", 3),
]
