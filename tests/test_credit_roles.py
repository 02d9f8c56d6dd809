"""Credit roles are a closed set; the label as printed is kept beside the role."""

from __future__ import annotations

import typing

import pytest

import articlekit
from articlekit.models import CreditRole
from articlekit.rules import locale_from_text


def test_roles_are_a_closed_set() -> None:
    assert typing.get_args(CreditRole) == articlekit.CREDIT_ROLES
    text = "JAKARTA - Warga menanam bakau di tepi sungai.\n\nPewarta: Rina Wati\nEDITOR: Budi Santoso\n(abc/xyz)"
    art = articlekit.parse(text, lang="id")
    got = [(c.role, c.label, c.name) for c in art.credits]
    assert got == [("reporter", "Pewarta", "Rina Wati"), ("editor", "EDITOR", "Budi Santoso"),
                   ("initials", "", "abc/xyz")]
    assert all(c.role in articlekit.CREDIT_ROLES for c in art.credits)


def test_every_bundled_credit_label_has_a_role() -> None:
    for lang in articlekit.available_languages():
        locale = articlekit.load_locale(lang)
        mapped = {" ".join(x.split()).casefold() for labels in locale.tail.credit_roles.values() for x in labels}
        missing = [x for x in locale.tail.credit_labels if " ".join(x.split()).casefold() not in mapped]
        assert not missing, f"{lang}: credit labels with no role in [tail.credit_roles]: {missing}"


def test_an_unknown_role_in_a_locale_is_refused() -> None:
    with pytest.raises(articlekit.RuleError, match="unknown credit role 'boss'"):
        locale_from_text('base = "id"\nlang = "id"\nname = "x"\n[tail.credit_roles]\nboss = ["Bos"]\n', path="x.toml")
