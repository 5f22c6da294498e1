"""The whole-body front and back views, drawn as the person's right half.

Coordinates: a 400 x 1000 canvas, centre line x = 200, crown at y = 20, soles near
y = 975; eight heads tall. Both views share one silhouette (the outline of the body is
the same from the front and from behind); each adds its own internal lines.

The front part is written for x <= 200, which is the person's right side seen from the
front. The back part is written in the same coordinates and flipped in ``views.py``, so
there too the person's right lands on their right.
"""

from __future__ import annotations

from bodymap.geometry.core import Item, Part

CX = 200.0


# --- the shared silhouette ---------------------------------------------------------------

HEAD: list[Item] = [
    ("crown", 200, 20),
    (182, 23),
    (169, 33),
    ("hl_side", 164, 46),
    (161, 62),
    ("ear_top", 161, 77),
    ("ct_side", 162, 90),
    ("ear_bot", 163, 106),
    ("jaw_angle", 165, 116),
    ("nk_top", 172, 126),
]
NECK: list[Item] = [(173, 142), (171.5, 156), ("nk_base", 167, 166)]
EAR: list[Item] = [
    ("ear_top", 161, 77),
    (156, 79),
    (152.5, 87),
    (152.5, 97),
    (156, 104),
    ("ear_bot", 163, 106),
]
ARM_OUT: list[Item] = [
    ("nk_base", 167, 166),
    (150, 171),
    (134, 175),
    ("sh_top", 118, 181),
    (106, 188),
    ("sh_cap", 99, 199),
    (96, 212),
    ("dl_out", 95, 226),
    (92.5, 256),
    ("dl_ins_o", 90, 285),
    (87.5, 308),
    ("el_o_top", 85, 327),
    (83, 344),
    ("el_o_bot", 81, 361),
    (78, 390),
    (75.5, 420),
    (75, 448),
    ("wr_o", 77, 468),
    ("wf_o", 77.5, 479),
    ("th_r1", 77.5, 488),
    (79.5, 499),
    ("th_r2", 81.5, 510),
    ("tn_b", 83, 521),
    ("fb_o", 83.5, 531),
]
ARM_IN: list[Item] = [
    ("ax", 127, 238),
    (123.5, 262),
    (119.5, 292),
    ("el_i_top", 115.5, 324),
    (113.5, 342),
    ("el_i_bot", 112.5, 359),
    (111, 385),
    (106.5, 415),
    (101.5, 445),
    ("wr_i", 98.5, 468),
    ("wf_i", 99.5, 479),
    (102, 494),
    (103.5, 511),
    ("fb_i", 103, 529),
]
THUMB: list[Item] = [
    ("th_r1", 77.5, 488),
    (72.5, 495),
    (68.5, 506),
    (66.5, 518),
    ("th_tip", 68, 526),
    (72.5, 526.5),
    (77, 519),
    ("th_r2", 81.5, 510),
]
# Four fingers (index on the thumb side), tips at their natural lengths, and the notches
# between them; the separators run from the finger base line to the notches.
FINGERS: list[Item] = [
    ("fb_o", 83.5, 531),
    (82.6, 548),
    (83.3, 561),
    (85.6, 566.2),
    ("n1", 88.4, 563.5),
    (90.4, 571),
    (92.8, 573.4),
    ("n2", 95, 569),
    (97.4, 570.6),
    ("n3", 99.6, 565.5),
    (101.6, 564),
    (103.7, 557.5),
    (104.4, 546),
    ("fb_i", 103, 529),
]
FINGER_BASE: list[Item] = [
    ("fb_o", 83.5, 531),
    ("f_b1", 88.5, 532.5),
    ("f_b2", 94, 532),
    ("f_b3", 99, 531),
    ("fb_i", 103, 529),
]
BODY_OUT: list[Item] = [
    ("ax", 127, 238),
    (129, 262),
    ("sc_bot", 130.5, 292),
    (134, 318),
    ("waist", 137, 345),
    (134, 372),
    (128.5, 392),
    ("hip_top", 124.5, 404),
    (120.5, 426),
    ("hp_o", 119, 450),
    ("ht_b", 120, 473),
    (122.5, 510),
    (126.5, 550),
    (130.5, 585),
    ("kn_o1", 133.5, 614),
    (134.5, 640),
    ("kn_o2", 135.5, 668),
    (133.5, 695),
    (133, 722),
    (136, 765),
    (141, 810),
    (145, 850),
    ("an_o1", 148.5, 890),
    ("an_o2", 149.5, 911),
]
LEG_IN: list[Item] = [
    ("crotch", 200, 490),
    (196, 515),
    (191.5, 555),
    (186, 592),
    ("kn_i1", 181.5, 614),
    (180, 640),
    ("kn_i2", 179.5, 668),
    (182.5, 695),
    (184.5, 722),
    (183, 765),
    (178.5, 810),
    (174, 850),
    ("an_i1", 172, 890),
    ("an_i2", 171, 911),
]


def _silhouette(part: Part) -> None:
    """Add the outline chains that both views share (all but head and feet ends)."""
    for items in (HEAD, NECK, ARM_OUT, LEG_IN):
        part.add(items)
    part.chain("ear", *part.add(EAR))
    part.chain("inner", *part.add(ARM_IN))
    part.chain("thumb", *part.add(THUMB))
    part.chain("fingers", *part.add(FINGERS))
    part.chain("fbase", *part.add(FINGER_BASE))
    part.chain("fs1", "f_b1", (88.6, 550), "n1")
    part.chain("fs2", "f_b2", (94.4, 552), "n2")
    part.chain("fs3", "f_b3", (99.3, 550), "n3")
    part.chain("bodyout", *part.add(BODY_OUT))
    # Arm rows: elbow band and wrist band, split into outer / middle / inner columns.
    part.chain(
        "eltop",
        "el_o_top",
        part.pt("ec_o_top", 95, 328.5),
        part.pt("ec_i_top", 106, 328),
        "el_i_top",
    )
    part.chain(
        "elbot",
        "el_o_bot",
        part.pt("ec_o_bot", 92, 363.5),
        part.pt("ec_i_bot", 103, 363),
        "el_i_bot",
    )
    part.chain("ecol_o", "ec_o_top", (93, 346), "ec_o_bot")
    part.chain("ecol_i", "ec_i_top", (105, 346), "ec_i_bot")
    part.chain("wrtop", "wr_o", (88, 470), "wr_i")
    part.chain("wrbot", "wf_o", part.pt("wf_m", 88.5, 481), "wf_i")
    # Leg columns: outer strip, middle, inner strip, from hip to ankle.
    part.pt("asis", 140, 402)
    part.chain("hipline", "asis", part.pt("hb_m", 136.6, 440), part.pt("hs_b", 134.5, 473))
    part.chain("hipbot", "ht_b", "hs_b")
    part.chain("tol", "hs_b", (136.5, 520), (140, 565), part.pt("tol_k", 143, 612))
    part.pt("til_k", 170.5, 612)
    part.pt("kb_o", 145.5, 669)
    part.pt("kb_i", 169, 669)
    part.chain(
        "lol",
        "kb_o",
        (146, 720),
        part.pt("lo_c", 147.8, 770),
        part.pt("lo_h", 150.8, 850),
        part.pt("lo_a", 153, 889),
    )
    part.chain(
        "lil",
        "kb_i",
        (172, 720),
        part.pt("li_c", 171, 770),
        part.pt("li_h", 168, 850),
        part.pt("li_a", 166.5, 889),
    )
    part.chain("atop", "an_o1", "lo_a", (159.5, 887), "li_a", "an_i1")


def _fingers(part: Part) -> None:
    """The four finger regions (the same outlines from the front and from behind)."""
    part.region("index-finger", "fingers:fb_o>n1", "fs1:n1>f_b1", "fbase:f_b1>fb_o")
    part.region("middle-finger", "fbase:f_b1>f_b2", "fs2:f_b2>n2", "fingers:n2>n1", "fs1:n1>f_b1")
    part.region("ring-finger", "fbase:f_b2>f_b3", "fs3:f_b3>n3", "fingers:n3>n2", "fs2:n2>f_b2")
    part.region("little-finger", "fbase:f_b3>fb_i", "fingers:fb_i>n3", "fs3:n3>f_b3")


def _mid(part: Part, *names: str) -> None:
    """The centre line, straight, through the named midline points (top to bottom)."""
    part.line("mid", *names)


# --- front -------------------------------------------------------------------------------


def front() -> Part:
    """Return the right half of the front view."""
    p = Part("front")
    _silhouette(p)
    p.chain(
        "head", *p.add(HEAD + [(179, 132), ("chin_side", 186.5, 137.5), ("chin_bot", 200, 141)])
    )
    p.chain("outer", *p.add([("nk_top", 172, 126)] + NECK + ARM_OUT[1:]))

    # Face.
    p.chain("hairline", p.pt("hl_mid", 200, 39), (186, 40.5), p.pt("hl_t", 173, 43.5), "hl_side")
    p.chain(
        "brow", p.pt("br_mid", 200, 66), p.pt("br_n", 194, 66), (184, 63.5), p.pt("br_t", 173.5, 66)
    )
    p.chain("templeline", "hl_t", "br_t", p.pt("et_top", 173.9, 72), p.pt("t_bot", 174.5, 88))
    p.chain("eyebot", p.pt("eb_n", 194, 88), (184, 89.5), "t_bot", "ct_side")
    p.chain(
        "noseside",
        "br_n",
        p.pt("eb_top", 194, 72),
        "eb_n",
        p.pt("nm", 193.5, 97),
        p.pt("nb_n", 193, 104),
    )
    p.chain("browlow", "eb_top", (184, 70.5), "et_top")
    p.chain("mouthtop", p.pt("nm_bot", 200, 104), "nb_n", p.pt("m_tl", 188, 106))
    p.chain("mouthside", "m_tl", (187.5, 114), p.pt("m_bl", 188, 122))
    p.chain("mouthbot", p.pt("mb_mid", 200, 122), "m_bl")
    p.chain("cheekbot", "m_tl", (178, 109.6), p.pt("jj_b", 169, 108.9), "ear_bot")
    p.chain("jjline", "ct_side", p.pt("jm", 167.6, 99), "jj_b")
    p.chain("cheekmid", "nm", (182, 99.5), "jm")
    p.chain("chinside", "m_bl", (187.5, 130), "chin_side")

    p.region("vertex", "head:crown>hl_side", "hairline:hl_side>hl_mid", "mid:hl_mid>crown")
    p.region(
        "forehead",
        "hairline:hl_mid>hl_t",
        "templeline:hl_t>br_t",
        "brow:br_t>br_mid",
        "mid:br_mid>hl_mid",
    )
    p.region(
        "temple",
        "hairline:hl_t>hl_side",
        "head:hl_side>ct_side",
        "eyebot:ct_side>t_bot",
        "templeline:t_bot>hl_t",
    )
    p.region(
        "eyebrow",
        "brow:br_n>br_t",
        "templeline:br_t>et_top",
        "browlow:et_top>eb_top",
        "noseside:eb_top>br_n",
    )
    p.region(
        "eye",
        "browlow:eb_top>et_top",
        "templeline:et_top>t_bot",
        "eyebot:t_bot>eb_n",
        "noseside:eb_n>eb_top",
    )
    p.region(
        "nose",
        "mid:br_mid>nm_bot",
        "mouthtop:nm_bot>nb_n",
        "noseside:nb_n>br_n",
        "brow:br_n>br_mid",
    )
    p.region(
        "cheek", "eyebot:eb_n>ct_side", "jjline:ct_side>jm", "cheekmid:jm>nm", "noseside:nm>eb_n"
    )
    p.region(
        "upper-jaw",
        "cheekmid:nm>jm",
        "jjline:jm>jj_b",
        "cheekbot:jj_b>m_tl",
        "mouthtop:m_tl>nb_n",
        "noseside:nb_n>nm",
    )
    p.region("jaw-joint", "head:ct_side>ear_bot", "cheekbot:ear_bot>jj_b", "jjline:jj_b>ct_side")
    p.region(
        "mouth",
        "mid:nm_bot>mb_mid",
        "mouthbot:mb_mid>m_bl",
        "mouthside:m_bl>m_tl",
        "mouthtop:m_tl>nm_bot",
    )
    p.region(
        "jaw",
        "cheekbot:m_tl>ear_bot",
        "head:ear_bot>chin_side",
        "chinside:chin_side>m_bl",
        "mouthside:m_bl>m_tl",
    )
    p.region(
        "chin",
        "mid:mb_mid>chin_bot",
        "head:chin_bot>chin_side",
        "chinside:chin_side>m_bl",
        "mouthbot:m_bl>mb_mid",
    )
    p.region("ear", "ear:ear_top>ear_bot", "head:ear_bot>ear_top")

    # Neck and shoulders.
    p.chain("throatside", "chin_side", (187.5, 152), p.pt("th_bot", 187.5, 169))
    p.chain("neckbot", "nk_base", (177.5, 166), "th_bot")
    p.line("sterntop", p.pt("sn", 200, 171), "th_bot")
    p.chain("clavtop", "th_bot", (165, 173.5), (141, 177.5), "sh_top")
    p.chain(
        "clavbot",
        p.pt("clb_out", 112, 191),
        p.pt("cl_dp", 132, 189.5),
        (151, 186.5),
        (170, 183.5),
        p.pt("cb_in", 188.5, 181),
    )
    p.chain("clavend", "sh_top", "clb_out")
    p.chain("dp", "cl_dp", (129.5, 213), "ax")
    p.chain("deltbot", "ax", (110, 262), "dl_ins_o")
    p.chain("latdelt", "clb_out", (103.5, 220), (96, 255), "dl_ins_o")

    p.region(
        "neck-side",
        "head:nk_top>chin_side",
        "throatside:chin_side>th_bot",
        "neckbot:th_bot>nk_base",
        "outer:nk_base>nk_top",
    )
    p.region(
        "throat",
        "mid:chin_bot>sn",
        "sterntop:sn>th_bot",
        "throatside:th_bot>chin_side",
        "head:chin_side>chin_bot",
    )
    p.region(
        "shoulder-top", "outer:nk_base>sh_top", "clavtop:sh_top>th_bot", "neckbot:th_bot>nk_base"
    )
    p.region(
        "collarbone",
        "clavtop:th_bot>sh_top",
        "clavend:sh_top>clb_out",
        "clavbot:clb_out>cb_in",
        "sternside:cb_in>th_bot",
    )
    p.region(
        "shoulder-side",
        "outer:sh_top>dl_ins_o",
        "latdelt:dl_ins_o>clb_out",
        "clavend:clb_out>sh_top",
    )
    p.region(
        "shoulder-front",
        "clavbot:clb_out>cl_dp",
        "dp:cl_dp>ax",
        "deltbot:ax>dl_ins_o",
        "latdelt:dl_ins_o>clb_out",
    )

    # Arm, hand.
    p.region(
        "upper-arm-front",
        "outer:dl_ins_o>el_o_top",
        "eltop:el_o_top>el_i_top",
        "inner:el_i_top>ax",
        "deltbot:ax>dl_ins_o",
    )
    p.region(
        "elbow-outer",
        "outer:el_o_top>el_o_bot",
        "elbot:el_o_bot>ec_o_bot",
        "ecol_o:ec_o_bot>ec_o_top",
        "eltop:ec_o_top>el_o_top",
    )
    p.region(
        "elbow-crease",
        "eltop:ec_o_top>ec_i_top",
        "ecol_i:ec_i_top>ec_i_bot",
        "elbot:ec_i_bot>ec_o_bot",
        "ecol_o:ec_o_bot>ec_o_top",
    )
    p.region(
        "elbow-inner",
        "eltop:ec_i_top>el_i_top",
        "inner:el_i_top>el_i_bot",
        "elbot:el_i_bot>ec_i_bot",
        "ecol_i:ec_i_bot>ec_i_top",
    )
    p.region(
        "forearm-front",
        "outer:el_o_bot>wr_o",
        "wrtop:wr_o>wr_i",
        "inner:wr_i>el_i_bot",
        "elbot:el_i_bot>el_o_bot",
    )
    p.region(
        "wrist-front", "outer:wr_o>wf_o", "wrbot:wf_o>wf_i", "inner:wf_i>wr_i", "wrtop:wr_i>wr_o"
    )
    p.chain("thenarline", "wf_m", (89, 497), "tn_b")
    p.region("thenar", "outer:wf_o>tn_b", "thenarline:tn_b>wf_m", "wrbot:wf_m>wf_o")
    p.region(
        "palm",
        "thenarline:wf_m>tn_b",
        "outer:tn_b>fb_o",
        "fbase:fb_o>fb_i",
        "inner:fb_i>wf_i",
        "wrbot:wf_i>wf_m",
    )
    p.region("thumb", "thumb:th_r1>th_r2", "outer:th_r2>th_r1")
    _fingers(p)

    # Chest and abdomen.
    p.chain(
        "sternside",
        "th_bot",
        "cb_in",
        (189, 220),
        (189.5, 258),
        p.pt("st_b", 190, 280),
        p.pt("xiph", 200, 296),
    )
    p.chain(
        "axline",
        "ax",
        (135.5, 262),
        p.pt("sc_in", 140.5, 291),
        (143, 320),
        p.pt("ab_s", 143.5, 347),
        (142.5, 375),
        "asis",
    )
    p.chain("ribs", "st_b", (176, 286.5), (158, 290.5), "sc_in")
    p.line("scb", "sc_bot", "sc_in")
    p.chain("flb", "hip_top", "asis")
    p.chain("uabot", p.pt("nv_t", 200, 345), p.pt("nv_to", 182, 345.5), (162, 347), "ab_s")
    p.chain("navside", "nv_to", (180, 369), p.pt("nv_bo", 182, 393))
    p.chain("nvbot", "nv_bo", p.pt("nv_b", 200, 393))
    p.chain("pubtop", p.pt("pb_t", 200, 438), p.pt("pb_to", 179, 441))
    p.chain("inguinal", "asis", (155, 416), (169, 430), "pb_to")
    p.chain("pubside", "pb_to", (188, 468), "crotch")
    p.chain("til", p.pt("ti_t", 189, 484), (183.5, 525), (177, 570), "til_k")
    p.chain("thightop", "crotch", "ti_t", (172, 470), (155, 450), "asis")

    p.region(
        "upper-chest",
        "clavbot:cl_dp>cb_in",
        "sternside:cb_in>st_b",
        "ribs:st_b>sc_in",
        "axline:sc_in>ax",
        "dp:ax>cl_dp",
    )
    p.region("sternum", "sterntop:sn>th_bot", "sternside:th_bot>xiph", "mid:xiph>sn")
    p.region("side-chest", "bodyout:ax>sc_bot", "scb:sc_bot>sc_in", "axline:sc_in>ax")
    p.region(
        "flank",
        "bodyout:sc_bot>hip_top",
        "flb:hip_top>asis",
        "axline:asis>sc_in",
        "scb:sc_in>sc_bot",
    )
    p.region(
        "upper-abdomen",
        "ribs:sc_in>st_b",
        "sternside:st_b>xiph",
        "mid:xiph>nv_t",
        "uabot:nv_t>ab_s",
        "axline:ab_s>sc_in",
    )
    p.region(
        "navel", "mid:nv_t>nv_b", "nvbot:nv_b>nv_bo", "navside:nv_bo>nv_to", "uabot:nv_to>nv_t"
    )
    p.region(
        "lower-abdomen",
        "uabot:ab_s>nv_to",
        "navside:nv_to>nv_bo",
        "nvbot:nv_bo>nv_b",
        "mid:nv_b>pb_t",
        "pubtop:pb_t>pb_to",
        "inguinal:pb_to>asis",
        "axline:asis>ab_s",
    )
    p.region("pubic", "mid:pb_t>crotch", "pubside:crotch>pb_to", "pubtop:pb_to>pb_t")
    p.region("groin", "inguinal:asis>pb_to", "pubside:pb_to>crotch", "thightop:crotch>asis")

    # Hip, thigh, knee, leg.
    p.region(
        "hip-side",
        "bodyout:hip_top>ht_b",
        "hipbot:ht_b>hs_b",
        "hipline:hs_b>asis",
        "flb:asis>hip_top",
    )
    p.region(
        "thigh-outer",
        "bodyout:ht_b>kn_o1",
        "ktop:kn_o1>tol_k",
        "tol:tol_k>hs_b",
        "hipbot:hs_b>ht_b",
    )
    p.region(
        "thigh-front",
        "thightop:asis>ti_t",
        "til:ti_t>til_k",
        "ktop:til_k>tol_k",
        "tol:tol_k>hs_b",
        "hipline:hs_b>asis",
    )
    p.region(
        "thigh-inner",
        "leg_in:crotch>kn_i1",
        "ktop:kn_i1>til_k",
        "til:til_k>ti_t",
        "thightop:ti_t>crotch",
    )
    p.chain("ktop", "kn_o1", "tol_k", p.pt("kc_top", 157, 605), "til_k", "kn_i1")
    p.chain("kbot", "kn_o2", "kb_o", p.pt("kc_bot", 157, 673), "kb_i", "kn_i2")
    p.chain("kcol_o", "tol_k", (141.5, 640), "kb_o")
    p.chain("kcol_i", "til_k", (172.5, 640), "kb_i")
    p.region(
        "knee-outer",
        "bodyout:kn_o1>kn_o2",
        "kbot:kn_o2>kb_o",
        "kcol_o:kb_o>tol_k",
        "ktop:tol_k>kn_o1",
    )
    p.region(
        "kneecap", "ktop:tol_k>til_k", "kcol_i:til_k>kb_i", "kbot:kb_i>kb_o", "kcol_o:kb_o>tol_k"
    )
    p.region(
        "knee-inner",
        "ktop:til_k>kn_i1",
        "leg_in:kn_i1>kn_i2",
        "kbot:kn_i2>kb_i",
        "kcol_i:kb_i>til_k",
    )
    p.region(
        "leg-outer", "bodyout:kn_o2>an_o1", "atop:an_o1>lo_a", "lol:lo_a>kb_o", "kbot:kb_o>kn_o2"
    )
    p.region("shin", "kbot:kb_o>kb_i", "lil:kb_i>li_a", "atop:li_a>lo_a", "lol:lo_a>kb_o")
    p.region(
        "leg-inner", "kbot:kb_i>kn_i2", "leg_in:kn_i2>an_i1", "atop:an_i1>li_a", "lil:li_a>kb_i"
    )

    # Ankle and foot, seen from the front (toes towards the viewer).
    p.chain("leg_in", *p.add(LEG_IN + [(175, 928), ("ft_i", 180, 948)]))
    p.chain("footout", "an_o2", (145.5, 929), p.pt("ft_o", 139.5, 947))
    p.chain("abot", "an_o2", p.pt("ao_b", 153.5, 913), p.pt("ai_b", 166, 913), "an_i2")
    p.chain("acol_o", "lo_a", "ao_b")
    p.chain("acol_i", "li_a", "ai_b")
    p.chain("toeline", "ft_o", (152, 952), p.pt("bt_t", 167, 953), "ft_i")
    p.pt("bt_b", 167, 970.5)
    p.line("bt", "bt_t", "bt_b")
    p.chain(
        "toes",
        "ft_o",
        (138.5, 954),
        (140.5, 959),
        (145, 960),
        (147, 963.5),
        (151.5, 964.5),
        (154, 967),
        (158.5, 967.5),
        (161.5, 969.5),
        "bt_b",
        (172, 970.5),
        (177, 968.5),
        (180.5, 963),
        (181.5, 955),
        "ft_i",
    )
    p.region(
        "ankle-outer",
        "bodyout:an_o1>an_o2",
        "abot:an_o2>ao_b",
        "acol_o:ao_b>lo_a",
        "atop:lo_a>an_o1",
    )
    p.region(
        "ankle-front", "atop:lo_a>li_a", "acol_i:li_a>ai_b", "abot:ai_b>ao_b", "acol_o:ao_b>lo_a"
    )
    p.region(
        "ankle-inner",
        "atop:li_a>an_i1",
        "leg_in:an_i1>an_i2",
        "abot:an_i2>ai_b",
        "acol_i:ai_b>li_a",
    )
    p.region(
        "foot-top",
        "abot:an_o2>an_i2",
        "leg_in:an_i2>ft_i",
        "toeline:ft_i>ft_o",
        "footout:ft_o>an_o2",
    )
    p.region("big-toe", "toeline:bt_t>ft_i", "toes:ft_i>bt_b", "bt:bt_b>bt_t")
    p.region("toes", "toeline:ft_o>bt_t", "bt:bt_t>bt_b", "toes:bt_b>ft_o")

    _mid(
        p,
        "crown",
        "hl_mid",
        "br_mid",
        "nm_bot",
        "mb_mid",
        "chin_bot",
        "sn",
        "xiph",
        "nv_t",
        "nv_b",
        "pb_t",
        "crotch",
    )

    # Landmarks: drawn to help orientation, not clickable.
    p.mark((191, 77), (186, 74.5), (180.5, 76.5), (186, 79.5), closed=True)  # eye
    p.mark((191.5, 70), (184, 68), (177, 70))  # eyebrow
    p.mark((195.5, 100), (197, 102.5), (200, 103))  # nostril
    p.mark((200, 113.5), (195, 112.5), (190, 114))  # lips
    p.mark((159, 84), (156, 91), (158.5, 100))  # ear curl
    p.mark((187, 176), (163, 178.5), (139, 182.5), (118, 186))  # clavicle
    p.mark((188, 268), (172, 273), (156, 270), (144, 257))  # lower pectoral
    p.mark((172, 252), (170, 254), (168, 252), (170, 250), closed=True)  # nipple
    p.mark((200, 366), (197.5, 368), (197, 371.5), (200, 375))  # navel
    p.mark((188, 300), (187, 340), (188.5, 400), (193, 430))  # rectus border
    p.mark((150, 640), (157, 631), (164, 640), (157, 650), closed=True)  # patella
    p.mark((145.5, 953), (145, 959))  # toes
    p.mark((151.5, 953.5), (151.5, 963.5))
    p.mark((158.5, 954), (158.5, 966.5))
    return p


# --- back --------------------------------------------------------------------------------

SOLE: list[Item] = [
    ("so_bot", 40, 986),
    (27, 979),
    (22.5, 963),
    ("so_l1", 22, 945),
    (21.5, 925),
    (20, 905),
    ("so_l2", 18, 888),
    (16.5, 875),
    ("so_l3", 18.5, 862),
    (21, 852),
    (28, 845.5),
    (38, 842.5),
    ("so_bt", 48, 840),
    (56, 840.5),
    (61.5, 845.5),
    ("so_m3", 63, 858),
    (64, 871),
    ("so_m2", 62, 886),
    (58, 906),
    (57, 926),
    ("so_m1", 57, 945),
    (56, 965),
    (50.5, 980),
]


def back() -> Part:
    """Return one half of the back view, in front-view coordinates (flipped in views.py)."""
    p = Part("back")
    _silhouette(p)
    p.chain("outer", *p.add(HEAD + NECK + ARM_OUT[1:]))
    p.chain("leg_in", *p.add(LEG_IN))

    # Head and neck from behind.
    p.chain("vxline", p.pt("vx_mid", 200, 47), (184, 48), "hl_side")
    p.chain("mastline", "ct_side", (170, 100), p.pt("ms_in", 179, 116))
    p.chain("skullbase", p.pt("ob_mid", 200, 117), (190, 117.5), "ms_in", "nk_top")
    p.chain("nsline", "ms_in", (179.5, 140), p.pt("ns_b", 178, 167))
    p.chain("neckbot", p.pt("c7", 200, 170), (190, 169), "ns_b", (172, 165.5), "nk_base")
    p.region("vertex", "outer:crown>hl_side", "vxline:hl_side>vx_mid", "mid:vx_mid>crown")
    p.region(
        "occiput",
        "vxline:vx_mid>hl_side",
        "outer:hl_side>ct_side",
        "mastline:ct_side>ms_in",
        "skullbase:ms_in>ob_mid",
        "mid:ob_mid>vx_mid",
    )
    p.region("mastoid", "outer:ct_side>nk_top", "skullbase:nk_top>ms_in", "mastline:ms_in>ct_side")
    p.region("ear", "ear:ear_top>ear_bot", "outer:ear_bot>ear_top")
    p.region(
        "neck-back",
        "skullbase:ob_mid>ms_in",
        "nsline:ms_in>ns_b",
        "neckbot:ns_b>c7",
        "mid:c7>ob_mid",
    )
    p.region(
        "neck-side",
        "skullbase:ms_in>nk_top",
        "outer:nk_top>nk_base",
        "neckbot:nk_base>ns_b",
        "nsline:ns_b>ms_in",
    )

    # Shoulder girdle and upper back.
    p.chain(
        "spineside",
        "c7",
        p.pt("sp_t", 192, 176),
        (191.6, 230),
        p.pt("is_b", 191.8, 292),
        p.pt("sp_m", 192, 330),
        (191.8, 370),
        p.pt("sp_l", 191, 408),
    )
    p.chain(
        "scapspine",
        "sp_t",
        p.pt("ss_m", 172, 199),
        (150, 196.5),
        p.pt("acr", 121, 193.5),
        p.pt("acr_o", 112, 192),
    )
    p.chain("traptop", "sh_top", "acr_o")
    p.chain("scapmed", "ss_m", (169.5, 235), p.pt("sc_ang", 163, 283))
    p.chain("scaplat", "sc_ang", (148, 268), (136, 250), "ax")
    p.chain("delt_b", "acr", (127, 214), "ax")
    p.chain("latdelt", "acr_o", (103.5, 220), (96, 255), "dl_ins_o")
    p.chain("deltbot", "ax", (110, 262), "dl_ins_o")
    p.chain("isbot", "sc_ang", (178, 289), "is_b")
    p.region(
        "shoulder-top",
        "outer:nk_base>sh_top",
        "traptop:sh_top>acr_o",
        "scapspine:acr_o>sp_t",
        "spineside:sp_t>c7",
        "neckbot:c7>nk_base",
    )
    p.region(
        "shoulder-side", "outer:sh_top>dl_ins_o", "latdelt:dl_ins_o>acr_o", "traptop:acr_o>sh_top"
    )
    p.region(
        "shoulder-back",
        "scapspine:acr_o>acr",
        "delt_b:acr>ax",
        "deltbot:ax>dl_ins_o",
        "latdelt:dl_ins_o>acr_o",
    )
    p.region(
        "shoulder-blade",
        "scapspine:acr>ss_m",
        "scapmed:ss_m>sc_ang",
        "scaplat:sc_ang>ax",
        "delt_b:ax>acr",
    )
    p.region(
        "between-shoulder-blades",
        "scapspine:ss_m>sp_t",
        "spineside:sp_t>is_b",
        "isbot:is_b>sc_ang",
        "scapmed:sc_ang>ss_m",
    )

    # Mid back, low back, pelvis.
    p.chain("flankline", "sc_bot", (138, 318), p.pt("mb_o", 139.5, 336), (140.5, 370), "asis")
    p.chain("mbbot", "sp_m", (172, 333.5), (152, 335.5), "mb_o")
    p.chain("iliac", "sp_l", p.pt("psis", 178, 405), (160, 398.5), "asis", "hip_top")
    p.line("spb", p.pt("t12", 200, 330), "sp_m")
    p.line("spl", p.pt("l5", 200, 408), "sp_l")
    p.chain("sacside", "sp_l", (184.5, 427), p.pt("si_b", 185.5, 448), p.pt("coc", 200, 482))
    p.chain("siline", "psis", (173, 424), "si_b")
    p.chain("gmid", "hb_m", (158, 447), (172, 450.5), "si_b")
    p.chain("fold", "crotch", p.pt("fd_i", 188, 503), (170, 509.5), (150, 504), "hs_b")
    p.region("upper-spine", "mid:c7>t12", "spb:t12>sp_m", "spineside:sp_m>c7")
    p.region(
        "mid-back",
        "spineside:is_b>sp_m",
        "mbbot:sp_m>mb_o",
        "flankline:mb_o>sc_bot",
        "bodyout:sc_bot>ax",
        "scaplat:ax>sc_ang",
        "isbot:sc_ang>is_b",
    )
    p.region("flank", "bodyout:sc_bot>hip_top", "iliac:hip_top>asis", "flankline:asis>sc_bot")
    p.region(
        "low-back",
        "spineside:sp_m>sp_l",
        "iliac:sp_l>asis",
        "flankline:asis>mb_o",
        "mbbot:mb_o>sp_m",
    )
    p.region("lower-spine", "mid:t12>l5", "spl:l5>sp_l", "spineside:sp_l>sp_m", "spb:sp_m>t12")
    p.region("sacrum", "mid:l5>coc", "sacside:coc>sp_l", "spl:sp_l>l5")
    p.region("sacroiliac", "iliac:sp_l>psis", "siline:psis>si_b", "sacside:si_b>sp_l")
    p.region(
        "buttock-upper",
        "iliac:psis>asis",
        "hipline:asis>hb_m",
        "gmid:hb_m>si_b",
        "siline:si_b>psis",
    )
    p.region(
        "buttock-lower",
        "gmid:si_b>hb_m",
        "hipline:hb_m>hs_b",
        "fold:hs_b>crotch",
        "mid:crotch>coc",
        "sacside:coc>si_b",
    )
    p.region(
        "hip-side",
        "bodyout:hip_top>ht_b",
        "hipbot:ht_b>hs_b",
        "hipline:hs_b>asis",
        "iliac:asis>hip_top",
    )

    # Arm and hand from behind.
    p.region(
        "upper-arm-back",
        "outer:dl_ins_o>el_o_top",
        "eltop:el_o_top>el_i_top",
        "inner:el_i_top>ax",
        "deltbot:ax>dl_ins_o",
    )
    p.region(
        "elbow-outer",
        "outer:el_o_top>el_o_bot",
        "elbot:el_o_bot>ec_o_bot",
        "ecol_o:ec_o_bot>ec_o_top",
        "eltop:ec_o_top>el_o_top",
    )
    p.region(
        "elbow-back",
        "eltop:ec_o_top>ec_i_top",
        "ecol_i:ec_i_top>ec_i_bot",
        "elbot:ec_i_bot>ec_o_bot",
        "ecol_o:ec_o_bot>ec_o_top",
    )
    p.region(
        "elbow-inner",
        "eltop:ec_i_top>el_i_top",
        "inner:el_i_top>el_i_bot",
        "elbot:el_i_bot>ec_i_bot",
        "ecol_i:ec_i_bot>ec_i_top",
    )
    p.region(
        "forearm-back",
        "outer:el_o_bot>wr_o",
        "wrtop:wr_o>wr_i",
        "inner:wr_i>el_i_bot",
        "elbot:el_i_bot>el_o_bot",
    )
    p.region(
        "wrist-back", "outer:wr_o>wf_o", "wrbot:wf_o>wf_i", "inner:wf_i>wr_i", "wrtop:wr_i>wr_o"
    )
    p.region(
        "hand-back", "outer:wf_o>fb_o", "fbase:fb_o>fb_i", "inner:fb_i>wf_i", "wrbot:wf_i>wf_o"
    )
    p.region("thumb", "thumb:th_r1>th_r2", "outer:th_r2>th_r1")
    _fingers(p)

    # Thigh, knee and leg from behind.
    p.chain("tilb", "fd_i", (181.5, 540), (176, 576), "til_k")
    p.chain("ktop", "kn_o1", "tol_k", (157, 613), "til_k", "kn_i1")
    p.chain("kbot", "kn_o2", "kb_o", (157, 671), "kb_i", "kn_i2")
    p.chain("kcol_o", "tol_k", (143.5, 640), "kb_o")
    p.chain("kcol_i", "til_k", (170.5, 640), "kb_i")
    p.region(
        "thigh-outer",
        "bodyout:ht_b>kn_o1",
        "ktop:kn_o1>tol_k",
        "tol:tol_k>hs_b",
        "hipbot:hs_b>ht_b",
    )
    p.region(
        "thigh-back", "fold:fd_i>hs_b", "tol:hs_b>tol_k", "ktop:tol_k>til_k", "tilb:til_k>fd_i"
    )
    p.region(
        "thigh-inner",
        "leg_in:crotch>kn_i1",
        "ktop:kn_i1>til_k",
        "tilb:til_k>fd_i",
        "fold:fd_i>crotch",
    )
    p.region(
        "knee-outer",
        "bodyout:kn_o1>kn_o2",
        "kbot:kn_o2>kb_o",
        "kcol_o:kb_o>tol_k",
        "ktop:tol_k>kn_o1",
    )
    p.region(
        "knee-back", "ktop:tol_k>til_k", "kcol_i:til_k>kb_i", "kbot:kb_i>kb_o", "kcol_o:kb_o>tol_k"
    )
    p.region(
        "knee-inner",
        "ktop:til_k>kn_i1",
        "leg_in:kn_i1>kn_i2",
        "kbot:kn_i2>kb_i",
        "kcol_i:kb_i>til_k",
    )
    p.chain("calfmid", "lo_c", (158, 786), "li_c")
    p.chain("calflow", "lo_h", (159.5, 853), "li_h")
    p.chain(
        "abot", "an_o2", p.pt("ao_b", 153.5, 913), (159.5, 914), p.pt("ai_b", 166, 913), "an_i2"
    )
    p.chain("acol_o", "lo_a", "ao_b")
    p.chain("acol_i", "li_a", "ai_b")
    p.region(
        "leg-outer", "bodyout:kn_o2>an_o1", "atop:an_o1>lo_a", "lol:lo_a>kb_o", "kbot:kb_o>kn_o2"
    )
    p.region("calf", "kbot:kb_o>kb_i", "lil:kb_i>li_c", "calfmid:li_c>lo_c", "lol:lo_c>kb_o")
    p.region(
        "calf-lower", "calfmid:lo_c>li_c", "lil:li_c>li_h", "calflow:li_h>lo_h", "lol:lo_h>lo_c"
    )
    p.region(
        "achilles",
        "calflow:lo_h>li_h",
        "lil:li_h>li_a",
        "acol_i:li_a>ai_b",
        "abot:ai_b>ao_b",
        "acol_o:ao_b>lo_a",
        "lol:lo_a>lo_h",
    )
    p.region(
        "leg-inner", "kbot:kb_i>kn_i2", "leg_in:kn_i2>an_i1", "atop:an_i1>li_a", "lil:li_a>kb_i"
    )
    p.region(
        "ankle-outer",
        "bodyout:an_o1>an_o2",
        "abot:an_o2>ao_b",
        "acol_o:ao_b>lo_a",
        "atop:lo_a>an_o1",
    )
    p.region(
        "ankle-inner",
        "atop:li_a>an_i1",
        "leg_in:an_i1>an_i2",
        "abot:an_i2>ai_b",
        "acol_i:ai_b>li_a",
    )
    p.chain(
        "heel",
        "an_i2",
        (171.5, 930),
        (167.5, 947),
        (159.5, 953),
        (151.5, 947),
        (147.5, 930),
        "an_o2",
    )

    # The sole of the foot, drawn beside the figure as if the foot were lifted.
    p.chain("sole", *p.add(SOLE), closed=True)
    p.line("so_h", "so_l1", "so_m1")
    p.chain("so_a", "so_l2", (40, 888.5), "so_m2")
    p.chain("so_t", "so_l3", (40, 861), p.pt("so_tm", 48.5, 860.4), "so_m3")
    p.line("so_b", "so_tm", "so_bt")
    # A region may be drawn more than once in one view: the heel is seen from behind on the
    # figure and from below on the sole.
    p.region("heel", "abot:an_o2>an_i2", "heel:an_i2>an_o2")
    p.region("heel#sole", "sole:so_m1>so_l1", "so_h:so_l1>so_m1")
    p.region("arch", "sole:so_l1>so_l2", "so_a:so_l2>so_m2", "sole:so_m2>so_m1", "so_h:so_m1>so_l1")
    p.region(
        "forefoot-sole",
        "sole:so_l2>so_l3",
        "so_t:so_l3>so_m3",
        "sole:so_m3>so_m2",
        "so_a:so_m2>so_l2",
    )
    p.region("big-toe", "sole:so_bt>so_m3", "so_t:so_m3>so_tm", "so_b:so_tm>so_bt")
    p.region("toes", "sole:so_l3>so_bt", "so_b:so_bt>so_tm", "so_t:so_tm>so_l3")

    _mid(p, "crown", "vx_mid", "ob_mid", "c7", "t12", "l5", "coc", "crotch")

    p.mark((185, 176.5), (170, 200.5), (160, 205.5))  # scapular spine ridge
    p.mark((98.5, 343), (100, 348), (101.5, 343))  # olecranon
    p.mark((150, 640.5), (157, 643), (164, 640.5))  # knee crease
    p.mark((84, 531), (88, 527), (94, 526.5), (99, 526), (103, 527))  # knuckles
    p.mark((30, 846), (31, 860))  # toes (sole)
    p.mark((38.5, 843), (39.5, 860))
    for y in range(182, 404, 16):  # spinous processes
        p.mark((197.5, y), (200, y - 1.5))
    return p
