"""The head-and-neck close-up: the face from the front and the head from the side.

Coordinates: a 600 x 420 canvas, centre line x = 300. Only the person's right half is
written; ``views.py`` mirrors it about the centre line.

* The face, seen from the front, is centred on the centre line: crown at y = 30, eyes
  halfway down the head (y = 165), chin at y = 301, the neck cut off at y = 400. Its right
  half (the viewer's left) spans x = 204..300 with the ear.
* The right side of the head and neck, seen in profile, sits at x = 15..190 with the face
  turned towards the centre (the viewer's right). Its mirror image, at the far right of
  the canvas, is the left profile. It is drawn a little smaller (vertex y = 44, chin
  y = 253) so that its nose stays clear of the front face.
"""

from __future__ import annotations

from bodymap.geometry.core import Item, Part, Point

WIDTH = 600.0
HEIGHT = 420.0
CX = 300.0


def _circle(cx: float, cy: float, r: float) -> list[Point]:
    """Eight points round a small circle (iris, pupil)."""
    k = 0.7071 * r
    return [
        (cx, cy - r),
        (cx + k, cy - k),
        (cx + r, cy),
        (cx + k, cy + k),
        (cx, cy + r),
        (cx - k, cy + k),
        (cx - r, cy),
        (cx - k, cy - k),
    ]


def _chain(part: Part, name: str, items: list[Item], *, closed: bool = False) -> None:
    part.chain(name, *part.add(items), closed=closed)


# --- the face from the front -------------------------------------------------------------

FACE_OUTLINE: list[Item] = [
    ("crown", 300, 30),
    (275, 32.5),
    (253, 40.5),
    (236.5, 54),
    (226.5, 73),
    ("hl_side", 221.5, 94),
    (219, 115),
    (218.5, 135),
    ("ear_top", 218.5, 150),
    ("jj_to", 219, 172),
    ("jj_bo", 221, 206),
    ("ear_bot", 223.5, 222),
    (227, 240),
    ("jaw_angle", 233, 256),
    ("nk_top", 241, 268),
    (253, 281),
    ("th_t", 266, 291.5),
    ("chin_side", 283, 299),
    ("chin_bot", 300, 301),
]
FACE_EAR: list[Item] = [
    ("ear_top", 218.5, 150),
    (213, 145.5),
    (207.5, 147.5),
    (204.5, 156),
    (204.5, 169),
    (206.5, 183),
    (209.5, 197),
    (212.5, 209),
    (217, 218),
    ("ear_bot", 223.5, 222),
]


def head() -> Part:
    """Return the right half of the head view."""
    p = Part("head")
    _front(p)
    _profile(p)
    p.label("Right side", 105, 412)
    p.label("Face", 300, 414)
    return p


def _front(p: Part) -> None:
    """The face and the front of the neck, centred on the centre line."""
    _chain(p, "head", FACE_OUTLINE)
    _chain(p, "ear", FACE_EAR)
    p.pt("hl_mid", 300, 70)
    p.pt("gl", 300, 150)
    p.pt("sn", 300, 225)
    p.pt("mb_mid", 300, 268)
    p.pt("jn", 300, 400)
    p.line("mid", "crown", "hl_mid", "gl", "sn", "mb_mid", "chin_bot", "jn")

    # Hairline, forehead and temple.
    _chain(
        p,
        "hairline",
        [("hl_mid", 300, 70), (284, 70.5), ("hl_t", 252, 79), (234, 86), ("hl_side", 221.5, 94)],
    )
    _chain(p, "tline", [("hl_t", 252, 79), (243, 104), ("br_t", 238, 135), ("e_lb", 240, 176)])
    # Eyebrow: a thick head near the nose, a tapering tail at the temple.
    _chain(p, "glab", [("gl", 300, 150), ("bi_b", 289, 151)])
    _chain(p, "bin", [("bi_b", 289, 151), (287.5, 143), ("bi_t", 287, 135)])
    _chain(p, "btop", [("bi_t", 287, 135), (272, 127.5), (256, 125.5), ("br_t", 238, 135)])
    _chain(p, "bbot", [("bi_b", 289, 151), (272, 145), (255, 142), ("br_t", 238, 135)])
    # Nose side: bridge, then the wing of the nose.
    _chain(
        p,
        "nside",
        [
            ("bi_b", 289, 151),
            (288, 168),
            ("e_n", 287, 186),
            (285, 198),
            ("al_t", 280.5, 206),
            (276.5, 214),
            ("al_b", 283, 223),
        ],
    )
    _chain(p, "ebot", [("e_n", 287, 186), (262, 189), ("e_lb", 240, 176)])
    # Jaw joint: a strip in front of the ear.
    _chain(p, "jjtop", [("jj_to", 219, 172), ("e_lb", 240, 176)])
    _chain(p, "jjin", [("e_lb", 240, 176), (241, 191), ("jj_bi", 240, 206)])
    _chain(p, "jjbot", [("jj_bi", 240, 206), ("jj_bo", 221, 206)])
    _chain(p, "chb", [("jj_bi", 240, 206), (256, 212), (269, 212), ("al_t", 280.5, 206)])
    # Lips and the line of the mouth, out to the ramus of the jaw.
    _chain(p, "mtop", [("sn", 300, 225), ("al_b", 283, 223), ("m_tl", 266, 228)])
    _chain(p, "mside", [("m_tl", 266, 228), ("m_lc", 264.5, 248), ("m_bl", 268, 266)])
    _chain(p, "mbot", [("m_bl", 268, 266), (284, 268.5), ("mb_mid", 300, 268)])
    _chain(p, "lipline", [("m_lc", 264.5, 248), (255, 246.5), ("lp_i", 245, 243)])
    _chain(p, "ram", [("lp_i", 245, 243), (241.5, 225), ("jj_bi", 240, 206)])
    _chain(p, "chinside", [("m_bl", 268, 266), (273, 283), ("chin_side", 283, 299)])
    # Neck: the sternocleidomastoid runs from behind the ear to the top of the breastbone.
    _chain(
        p,
        "nout",
        [
            ("nk_top", 241, 268),
            (245.5, 300),
            (245, 335),
            (239, 368),
            (228, 388),
            ("nk_b", 212, 400),
        ],
    )
    _chain(p, "thside", [("th_t", 266, 291.5), (271, 335), (276, 372), ("th_b", 281, 400)])
    p.line("nbot", "jn", "th_b", "nk_b")

    p.region("vertex", "head:crown>hl_side", "hairline:hl_side>hl_mid", "mid:hl_mid>crown")
    p.region(
        "forehead",
        "hairline:hl_mid>hl_t",
        "tline:hl_t>br_t",
        "btop:br_t>bi_t",
        "bin:bi_t>bi_b",
        "glab:bi_b>gl",
        "mid:gl>hl_mid",
    )
    p.region(
        "temple",
        "hairline:hl_t>hl_side",
        "head:hl_side>jj_to",
        "jjtop:jj_to>e_lb",
        "tline:e_lb>hl_t",
    )
    p.region("eyebrow", "btop:bi_t>br_t", "bbot:br_t>bi_b", "bin:bi_b>bi_t")
    p.region("eye", "bbot:bi_b>br_t", "tline:br_t>e_lb", "ebot:e_lb>e_n", "nside:e_n>bi_b")
    p.region("nose", "glab:gl>bi_b", "nside:bi_b>al_b", "mtop:al_b>sn", "mid:sn>gl")
    p.region(
        "cheek",
        "ebot:e_n>e_lb",
        "jjin:e_lb>jj_bi",
        "chb:jj_bi>al_t",
        "nside:al_t>e_n",
    )
    p.region("ear", "ear:ear_top>ear_bot", "head:ear_bot>ear_top")
    p.region(
        "jaw-joint", "head:jj_to>jj_bo", "jjbot:jj_bo>jj_bi", "jjin:jj_bi>e_lb", "jjtop:e_lb>jj_to"
    )
    p.region(
        "upper-jaw",
        "chb:jj_bi>al_t",
        "nside:al_t>al_b",
        "mtop:al_b>m_tl",
        "mside:m_tl>m_lc",
        "lipline:m_lc>lp_i",
        "ram:lp_i>jj_bi",
    )
    p.region("mouth", "mid:sn>mb_mid", "mbot:mb_mid>m_bl", "mside:m_bl>m_tl", "mtop:m_tl>sn")
    p.region(
        "jaw",
        "head:jj_bo>chin_side",
        "chinside:chin_side>m_bl",
        "mside:m_bl>m_lc",
        "lipline:m_lc>lp_i",
        "ram:lp_i>jj_bi",
        "jjbot:jj_bi>jj_bo",
    )
    p.region(
        "chin",
        "mid:mb_mid>chin_bot",
        "head:chin_bot>chin_side",
        "chinside:chin_side>m_bl",
        "mbot:m_bl>mb_mid",
    )
    p.region(
        "neck-side", "head:nk_top>th_t", "thside:th_t>th_b", "nbot:th_b>nk_b", "nout:nk_b>nk_top"
    )
    p.region("throat", "mid:chin_bot>jn", "nbot:jn>th_b", "thside:th_b>th_t", "head:th_t>chin_bot")

    # Landmarks.
    p.mark(
        (285, 167),
        (278, 160.5),
        (268, 157.5),
        (257, 159.5),
        (248.5, 165),
        (257, 169.5),
        (270, 170.5),
        (280, 169),
        closed=True,
    )  # eye
    p.mark(*_circle(267, 164, 5.6), closed=True)  # iris
    p.mark(*_circle(267, 164, 2.2), closed=True)  # pupil
    p.mark((284, 161), (271, 153), (257, 153.5), (249, 160))  # lid crease
    p.mark((284, 143), (271, 136.5), (256, 134), (243, 135.5))  # eyebrow
    p.mark((283, 209), (279.5, 214), (281, 219.5), (286, 222))  # alar crease
    p.mark((296, 219.5), (291, 218), (287.5, 220.5))  # nostril
    p.mark((291, 160), (290, 182), (288.5, 198))  # bridge
    p.mark((273, 248), (281, 242), (290, 239.5), (295, 238.5), (300, 240.5))  # upper lip
    p.mark((273, 248), (285, 248.8), (292, 249), (300, 249))  # mouth line
    p.mark((275.5, 251), (285, 257.3), (293, 259.4), (300, 259.5))  # lower lip
    p.mark((295.5, 227), (294.5, 238))  # philtrum
    p.mark((278, 219), (271, 231), (267, 244))  # nasolabial fold
    p.mark((285, 270.5), (293, 269), (300, 269))  # chin crease
    p.mark((215.5, 155), (211.5, 166), (211.5, 183), (214.5, 200))  # helix
    p.mark((293, 334), (297, 327), (300, 325))  # Adam's apple


def _profile(p: Part) -> None:
    """The right side of the head and neck, face towards the centre line."""
    _chain(
        p,
        "po",
        [
            ("nb_b", 36, 356),
            (43.5, 326),
            (47, 292),
            (46.5, 255),
            (40, 226),
            ("sb", 30, 200),
            (21, 178),
            (15.5, 152),
            (15.5, 124),
            (24, 95),
            ("pv_b", 41, 69),
            (66, 52),
            (94, 44.5),
            (122, 45.5),
            ("pv_f", 146, 54),
            (163, 72),
            (172, 96),
            (176, 116),
            ("br_o", 178, 127),
            (179, 134),
            ("br_ob", 176.5, 142),
            (173.5, 147.5),
            (176.5, 157),
            (181, 167),
            (186.5, 176),
            (189.5, 182),
            (188, 187.5),
            (183, 190),
            ("psn", 177.5, 191.5),
            (180.5, 197),
            (182.5, 202),
            (177.5, 207),
            (180.5, 213),
            (176.5, 219),
            ("ch_t", 170.5, 224),
            (172.5, 232),
            (174, 240),
            (170, 248),
            ("menton", 161, 253),
            (148, 257),
            (138, 263),
            (136.5, 280),
            (141, 303),
            (141.5, 322),
            (144.5, 352),
            ("nk_ff", 149, 376),
        ],
    )
    _chain(
        p,
        "pear",
        [
            ("e_jt", 104, 146),
            (101, 137),
            (94, 131),
            (84, 129),
            (76, 133),
            ("e_bk1", 71, 143),
            (69, 156),
            ("e_bk2", 71, 170),
            (75, 182),
            (82, 192),
            ("pe_lb", 93, 197),
            (99, 193),
            (102, 186),
            ("e_jb", 104, 176),
            (105.5, 161),
        ],
        closed=True,
    )
    _chain(
        p,
        "pcap",
        [("pv_b", 41, 69), ("c_t", 68, 76), (98, 78), ("c_f", 128, 73), ("pv_f", 146, 54)],
    )
    _chain(p, "pfh", [("c_f", 128, 73), (138, 100), ("pbr_t", 146, 128)])
    _chain(p, "pbt", [("br_o", 178, 127), (163, 122), ("pbr_t", 146, 128)])
    _chain(p, "pbb", [("pbr_t", 146, 128), (153, 135), ("n_t", 161, 140), ("br_ob", 176.5, 142)])
    _chain(
        p,
        "pns",
        [
            ("n_t", 161, 140),
            (158, 152),
            ("e_nb", 158, 163),
            (158, 174),
            ("al_bk", 161, 183),
            ("pal_b", 168, 189),
        ],
    )
    _chain(p, "pmtop", [("psn", 177.5, 191.5), ("pal_b", 168, 189), ("m_bt", 152, 191)])
    _chain(p, "peb", [("e_nb", 158, 163), (148, 162), ("pe_lb2", 137, 157)])
    _chain(p, "pebk", [("pe_lb2", 137, 157), (140, 142), ("pbr_t", 146, 128)])
    _chain(p, "pzyg", [("pe_lb2", 137, 157), ("jj_ft", 120, 146), ("e_jt", 104, 146)])
    _chain(p, "ptb", [("e_bk1", 71, 143), (58, 125), (60, 95), ("c_t", 68, 76)])
    _chain(p, "pjjf", [("jj_ft", 120, 146), (121.5, 161), ("jj_fb", 121, 176)])
    _chain(p, "pjjb", [("jj_fb", 121, 176), ("e_jb", 104, 176)])
    _chain(p, "pchk", [("jj_fb", 121, 176), (140, 181), ("al_bk", 161, 183)])
    _chain(p, "pramf", [("jj_fb", 121, 176), (122, 192), ("lp_b", 124, 208)])
    _chain(p, "plip", [("lp_b", 124, 208), (140, 208.5), ("m_c", 155, 207)])
    _chain(
        p,
        "pmb",
        [
            ("m_bt", 152, 191),
            ("m_c", 155, 207),
            ("ch_bk", 154, 222),
            (156, 240),
            ("menton", 161, 253),
        ],
    )
    _chain(p, "pmbot", [("ch_bk", 154, 222), ("ch_t", 170.5, 224)])
    _chain(
        p,
        "pjaw",
        [
            ("menton", 161, 253),
            (140, 247),
            (120, 241),
            ("gon", 107, 235),
            (101, 216),
            ("pe_lb", 93, 197),
        ],
    )
    _chain(p, "pmsb", [("pe_lb", 93, 197), (78, 205), ("ms_b", 62, 208)])
    _chain(p, "pmsk", [("ms_b", 62, 208), (61, 190), ("e_bk2", 71, 170)])
    _chain(p, "pskb", [("ms_b", 62, 208), (45, 204), ("sb", 30, 200)])
    _chain(p, "pscmb", [("ms_b", 62, 208), (72, 265), (85, 320), ("scm_bb", 96, 364)])
    _chain(p, "pscmf", [("gon", 107, 235), (113, 275), (122, 325), ("scm_fb", 130, 371)])
    p.chain("pbot", "nb_b", "scm_bb", "scm_fb", "nk_ff")

    p.region("vertex#side", "po:pv_b>pv_f", "pcap:pv_f>pv_b")
    p.region("forehead#side", "po:pv_f>br_o", "pbt:br_o>pbr_t", "pfh:pbr_t>c_f", "pcap:c_f>pv_f")
    p.region("eyebrow#side", "po:br_o>br_ob", "pbb:br_ob>pbr_t", "pbt:pbr_t>br_o")
    p.region("nose#side", "po:br_ob>psn", "pmtop:psn>pal_b", "pns:pal_b>n_t", "pbb:n_t>br_ob")
    p.region("eye#side", "pbb:pbr_t>n_t", "pns:n_t>e_nb", "peb:e_nb>pe_lb2", "pebk:pe_lb2>pbr_t")
    p.region(
        "temple#side",
        "pcap:c_t>c_f",
        "pfh:c_f>pbr_t",
        "pebk:pbr_t>pe_lb2",
        "pzyg:pe_lb2>e_jt",
        "pear:e_jt>e_bk1",
        "ptb:e_bk1>c_t",
    )
    p.region(
        "occiput",
        "pcap:pv_b>c_t",
        "ptb:c_t>e_bk1",
        "pear:e_bk1>e_bk2",
        "pmsk:e_bk2>ms_b",
        "pskb:ms_b>sb",
        "po:sb>pv_b",
    )
    p.region("ear#side", "pear:e_jt>pe_lb", "pear:pe_lb>e_jt")
    p.region(
        "jaw-joint#side",
        "pzyg:e_jt>jj_ft",
        "pjjf:jj_ft>jj_fb",
        "pjjb:jj_fb>e_jb",
        "pear:e_jb>e_jt",
    )
    p.region(
        "cheek#side",
        "peb:e_nb>pe_lb2",
        "pzyg:pe_lb2>jj_ft",
        "pjjf:jj_ft>jj_fb",
        "pchk:jj_fb>al_bk",
        "pns:al_bk>e_nb",
    )
    p.region(
        "upper-jaw#side",
        "pchk:jj_fb>al_bk",
        "pns:al_bk>pal_b",
        "pmtop:pal_b>m_bt",
        "pmb:m_bt>m_c",
        "plip:m_c>lp_b",
        "pramf:lp_b>jj_fb",
    )
    p.region("mouth#side", "po:psn>ch_t", "pmbot:ch_t>ch_bk", "pmb:ch_bk>m_bt", "pmtop:m_bt>psn")
    p.region("chin#side", "po:ch_t>menton", "pmb:menton>ch_bk", "pmbot:ch_bk>ch_t")
    p.region(
        "jaw#side",
        "plip:lp_b>m_c",
        "pmb:m_c>menton",
        "pjaw:menton>pe_lb",
        "pear:pe_lb>e_jb",
        "pjjb:e_jb>jj_fb",
        "pramf:jj_fb>lp_b",
    )
    p.region("mastoid", "pear:e_bk2>pe_lb", "pmsb:pe_lb>ms_b", "pmsk:ms_b>e_bk2")
    p.region("neck-back", "po:nb_b>sb", "pskb:sb>ms_b", "pscmb:ms_b>scm_bb", "pbot:scm_bb>nb_b")
    p.region(
        "neck-side#side",
        "pjaw:gon>pe_lb",
        "pmsb:pe_lb>ms_b",
        "pscmb:ms_b>scm_bb",
        "pbot:scm_bb>scm_fb",
        "pscmf:scm_fb>gon",
    )
    p.region(
        "throat#side",
        "po:menton>nk_ff",
        "pbot:nk_ff>scm_fb",
        "pscmf:scm_fb>gon",
        "pjaw:gon>menton",
    )

    # Landmarks.
    p.mark((141, 150.5), (148, 147), (154.5, 147.3), (157.5, 150.5))  # upper lid
    p.mark((142, 151.5), (149, 154.3), (154.5, 153.6), (157.5, 150.5))  # lower lid
    p.mark((154.8, 147.6), (153.2, 150.6), (154.6, 153.5))  # iris
    p.mark((150, 131), (161, 127.5), (173, 131))  # eyebrow
    p.mark((166.5, 187.5), (170.5, 185.8), (175.5, 188))  # nostril
    p.mark((177, 207), (168, 207.5), (160, 206.5))  # lips
    p.mark(
        (99, 141), (92, 135), (83, 134), (77, 139), (74.5, 152), (75.5, 167), (79, 180), (85, 188)
    )  # helix
    p.mark((96, 147), (87, 146), (81, 156), (83, 170), (89, 179))  # antihelix
    p.mark((100, 158), (96, 165), (99.5, 173))  # tragus
    p.mark((139, 297), (135, 304), (138.5, 311))  # Adam's apple
