"""The administrative-unit lists and how a text names a district or ward."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline.bot.nlu.admin_units import AdminUnits, default_units, load_units, post_2025_units


@pytest.fixture(scope="module")
def units() -> AdminUnits:
    return default_units()


def test_2021_list_has_9_districts_and_91_wards(units: AdminUnits) -> None:
    assert len(units.districts) == 9
    assert sum(len(units.wards_of(d)) for d in units.districts) == 91
    assert "Thủ Dầu Một" in units.districts
    assert "Phú Cường" in units.wards_of("Thủ Dầu Một")


def test_full_path_for_display(units: AdminUnits) -> None:
    assert units.full_path("Phú Cường") == "Phường Phú Cường, Thành phố Thủ Dầu Một"
    assert units.full_path(district="Bến Cát") == "Thị xã Bến Cát"
    assert units.full_path("Tân Bình", "Bắc Tân Uyên") == "Thị trấn Tân Bình, Huyện Bắc Tân Uyên"
    with pytest.raises(KeyError):
        units.full_path("Nowhere")
    with pytest.raises(KeyError):
        units.full_path("Phú Cường", "Dĩ An")


def test_district_of_a_ward(units: AdminUnits) -> None:
    assert units.district_of("Phú Cường") == "Thủ Dầu Một"
    assert units.district_of("An Bình") is None  # Phú Giáo or Dĩ An
    assert set(units.districts_of("An Bình")) == {"Phú Giáo", "Dĩ An"}
    assert units.district_of("An Bình", hint="Dĩ An") == "Dĩ An"
    assert units.district_of("An Bình", hint="Bến Cát") is None


@pytest.mark.parametrize(
    ("typed", "district"),
    [
        ("Thủ Dầu Một", "Thủ Dầu Một"),
        ("thu dau mot", "Thủ Dầu Một"),
        ("TP. Thủ Dầu Một", "Thủ Dầu Một"),
        ("tx ben cat", "Bến Cát"),
        ("thị xã Tân Uyên", "Tân Uyên"),
        ("huyen bac tan uyen", "Bắc Tân Uyên"),
        ("thành phố dĩ an", "Dĩ An"),
    ],
)
def test_district_from_any_typing(units: AdminUnits, typed: str, district: str) -> None:
    assert units.district(typed) == district


@pytest.mark.parametrize(
    ("typed", "ward"),
    [
        ("Phú Cường", "Phú Cường"),
        ("p. phu cuong", "Phú Cường"),
        ("P Phú Cường", "Phú Cường"),
        ("phường Hòa Phú", "Hoà Phú"),  # the list spells it "Hoà Phú"
        ("phuong hoa phu", "Hoà Phú"),
        ("xã Cây Trường 2", "Cây Trường II"),
        ("thị trấn Dầu Tiếng", "Dầu Tiếng"),
        ("an binh", "An Bình"),  # a form field: the whole input is the name
    ],
)
def test_ward_from_any_typing(units: AdminUnits, typed: str, ward: str) -> None:
    assert units.ward(typed) == ward


def test_mixed_tone_placement_in_the_source_is_matched_both_ways(units: AdminUnits) -> None:
    for typed in ("Định Hoà", "Định Hòa", "dinh hoa"):
        assert units.ward(typed) == "Định Hoà"
    for typed in ("Phú Hòa", "Phú Hoà"):
        assert units.ward(typed) == "Phú Hòa"


def test_ambiguous_ward_takes_the_district_named_in_the_text(units: AdminUnits) -> None:
    (ward, district) = units.find("nhà ở phường Tân Bình, Dĩ An")
    assert (ward.level, ward.value, ward.district) == ("ward", "Tân Bình", "Dĩ An")
    assert set(ward.candidates) == {"Dĩ An", "Bắc Tân Uyên"}
    assert (district.level, district.value) == ("district", "Dĩ An")


def test_ambiguous_ward_without_district_stays_open(units: AdminUnits) -> None:
    (ward,) = units.find("tôi ở phường Tân Hiệp")
    assert ward.value == "Tân Hiệp"
    assert ward.district is None
    assert set(ward.candidates) == {"Phú Giáo", "Tân Uyên"}


def test_name_of_both_a_ward_and_a_district(units: AdminUnits) -> None:
    (bare,) = units.find("tôi ở Dĩ An")
    assert (bare.level, bare.value) == ("district", "Dĩ An")
    (ward,) = units.find("tôi ở phường Dĩ An")
    assert (ward.level, ward.value, ward.district) == ("ward", "Dĩ An", "Dĩ An")
    (town,) = units.find("thi tran dau tieng")
    assert (town.level, town.district) == ("ward", "Dầu Tiếng")


def test_everyday_phrases_are_not_places(units: AdminUnits) -> None:
    assert units.find("tôi đi ăn cơm") == ()
    assert units.find("toi di an com") == ()
    assert units.find("chúc mọi người bình an") == ()
    assert [m.value for m in units.find("tôi ở Di An")] == ["Dĩ An"]
    assert [m.value for m in units.find("nhà ở dĩ an")] == ["Dĩ An"]


def test_diacritics_that_were_typed_must_agree(units: AdminUnits) -> None:
    # "đi ăn" folds to "di an" but its đ and ă say it is not Dĩ An.
    assert units.find("Đi Ăn") == ()
    assert [m.value for m in units.find("Phu Cường")] == ["Phú Cường"]


def test_offsets_point_into_the_original_text(units: AdminUnits) -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Nhà tôi ở phường Phú Cường nha")
    (mention,) = units.find(text)
    assert text[mention.start : mention.end] == mention.text
    assert unicodedata.normalize("NFC", mention.text) == "Phú Cường"


def test_post_2025_list_has_wards_and_no_districts() -> None:
    units = post_2025_units()
    assert units.districts == ()
    assert len(units.wards) == 36
    (mention,) = units.find("phường Thủ Dầu Một")
    assert (mention.level, mention.value) == ("ward", "Thủ Dầu Một")
    assert units.full_path("Thủ Dầu Một") == "Phường Thủ Dầu Một"


def test_another_province_is_another_file(tmp_path: Path) -> None:
    csv = tmp_path / "other.csv"
    csv.write_text(
        "province_code,province_name,district_code,district_name,district_type,"
        "ward_code,ward_name,ward_type\n"
        "1,Tỉnh Thử,10,Sơn Hà,Huyện,100,Sơn Thủy,Xã\n",
        encoding="utf-8",
    )
    units = load_units(csv)
    assert units.districts == ("Sơn Hà",)
    assert [(m.level, m.value) for m in units.find("xa son thuy huyen son ha")] == [
        ("ward", "Sơn Thủy"),
        ("district", "Sơn Hà"),
    ]
