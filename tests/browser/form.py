"""Filling the calculator form the way a visitor does: by the Dutch labels, one field at a time."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from playwright.sync_api import Locator, Page

from calculator.formatting import euro, long_date, number, percent
from calculator.foutteksten import veld
from calculator.parameters import load

CLASSIFICATION = load().classificatie


def _type(field: Locator, value: Any) -> None:
    """Clear the field and type the value key by key, as a person would (each key fires an input event)."""
    field.fill("")
    field.press_sequentially(str(value))


def _group(page: Page, name: str) -> Locator:
    return page.get_by_role("group", name=name, exact=True)


def choose_kind(select: Locator, kind: str) -> None:
    """Choose a kind of service by the label the visitor sees for it: the provider's name for its service of that
    kind, or the kind's own label in the general group. Each kind is listed once."""
    option = select.locator(f'option[value="{kind}"]')
    assert option.count() == 1, f"the kind {kind} is listed {option.count()} times"
    select.select_option(label=(option.text_content() or "").strip())


def answer_three_questions(page: Page, size: str = "Klein", kind: str = "pentest", amount: str = "8000") -> None:
    """The quick estimate's three questions: the size, the kind of service and its amount."""
    page.get_by_role("group", name="Grootte van uw onderneming").get_by_label(size, exact=True).check()
    choose_kind(page.get_by_label("Soort dienst"), kind)
    page.get_by_label("Bedrag zonder btw (€)").fill(amount)


def _open(page: Page, summary: str) -> None:
    """Open a disclosure ("Meer opties", "Uw onderneming: ...") by its summary, as a visitor clicks it."""
    details = page.locator("details", has=page.locator("summary", has_text=summary)).first
    if details.get_attribute("open") is None:
        details.locator("summary").first.click()


SIZE_LABELS = {"klein": "Klein", "middelgroot": "Middelgroot", "groot": "Groot"}
FIGURES = ("fte", "turnover", "balance_total", "linked", "partners", "locked_size")
ROW_FIELDS = (("share_pct", "aandeel"), ("fte", "vte"), ("turnover", "omzet"), ("balance_total", "balanstotaal"))


def fill_form(page: Page, request: dict[str, Any]) -> None:
    """Type ``request`` into the form by its Dutch labels, the way a visitor does: the three questions first, then
    the disclosures that hold the other fields. Keys that are absent are left as the form has them."""
    enterprise = request.get("enterprise", {})
    _fill_size(page, enterprise)
    _fill_services(page, request)
    _fill_enterprise(page, enterprise)


def _fill_size(page: Page, enterprise: dict[str, Any]) -> None:
    """The size question: a stated size, or "Weet ik niet" and the figures that compute it."""
    sizes = page.get_by_role("group", name=veld("grootte"))
    if "size_category" in enterprise:
        sizes.get_by_label(SIZE_LABELS[enterprise["size_category"]], exact=True).check()
        return
    if not any(key in enterprise for key in FIGURES):
        return
    sizes.get_by_label(re.compile("^Weet ik niet")).check()
    figures = _group(page, "De grootte van uw onderneming berekenen")
    for key, label in (("fte", "vte"), ("turnover", "omzet"), ("balance_total", "balanstotaal")):
        if key in enterprise:
            _type(figures.get_by_label(veld(label), exact=True).first, enterprise[key])
    if enterprise.get("locked_size"):
        figures.get_by_label(re.compile("^Grootte die dit jaar al vastligt")).select_option(
            label={"klein": "Ja, als kleine onderneming", "middelgroot": "Ja, als middelgrote onderneming"}[
                enterprise["locked_size"]
            ]
        )
    for key, legend in (("linked", "Verbonden onderneming"), ("partners", "Partneronderneming")):
        for index, values in enumerate(enterprise.get(key, []), start=1):
            page.get_by_role("button", name=f"{legend} toevoegen").click()
            row = _group(page, f"{legend} {index}")
            for field, label in ROW_FIELDS:
                if field in values:
                    _type(row.get_by_label(veld(label)), values[field])


def _fill_services(page: Page, request: dict[str, Any]) -> None:
    """The services (as many rows as the request has), the support already used and the application date."""
    services = request.get("services", [])
    more = len(services) > 1 or any(s.get("start_date") for s in services) or "application_date" in request
    if more or "support_used_this_year" in request:
        _open(page, "Meer opties")
    existing = page.locator("[data-rows='services'] .kmo-row").count()
    while existing > max(len(services), 1):
        page.get_by_role("button", name=f"Verwijder dienst {existing}").click()
        existing -= 1
    for index, service in enumerate(services, start=1):
        if index > existing:
            page.get_by_role("button", name="Dienst toevoegen").click()
        row = _group(page, f"Dienst {index}")
        if service.get("kind"):
            choose_kind(row.get_by_label(veld("soort")), service["kind"])
        _type(row.get_by_label(veld("bedrag")), service.get("amount", ""))
        if service.get("start_date"):
            row.get_by_label(veld("startdatum")).fill(service["start_date"])
    if "support_used_this_year" in request:
        _type(page.get_by_label(veld("reeds_gebruikt")), request["support_used_this_year"])
    if "application_date" in request:
        page.get_by_label(veld("aanvraagdatum"), exact=True).fill(request["application_date"])


def _fill_enterprise(page: Page, enterprise: dict[str, Any]) -> None:
    """The disclosure "Uw onderneming: ...": legal form, region, public participation and the yes/no questions."""
    refine = ("legal_form", "region", "public_participation_pct", "main_activity_eligible", "provider_related")
    if any(key in enterprise for key in refine):
        _open(page, "Uw onderneming:")
    if "legal_form" in enterprise:
        page.get_by_label(veld("rechtsvorm"), exact=True).select_option(
            label=CLASSIFICATION.rechtsvormen[enterprise["legal_form"]].label
        )
    if "region" in enterprise:
        page.get_by_label(f"In {CLASSIFICATION.gewesten[enterprise['region']].label}", exact=True).check()
    if "public_participation_pct" in enterprise:
        _type(page.get_by_label(veld("participatie")), enterprise["public_participation_pct"])
    for key, question in (
        ("main_activity_eligible", "NACE-BEL-code"),
        ("provider_related", "aanverwante ondernemingen"),
    ):
        if key in enterprise:
            group = page.get_by_role("group", name=re.compile(question))
            group.get_by_label("Ja" if enterprise[key] else "Nee", exact=True).check()


def shown(page: Page, key: str) -> str:
    return page.locator(f"[data-answer='{key}']").first.text_content() or ""


def money(text: str) -> str:
    return euro(Decimal(text))


def _assert_timeline_shown(page: Page, entry: dict[str, Any]) -> None:
    """A service's own dates are on its card; an advice has no end date, and its line stays hidden."""
    card = page.locator(f"[data-service='{entry['service']}']")
    for key in ("start_date", "apply_by", "finish_by"):
        if entry[key] is None:
            assert card.locator("[data-slot='finish_by_item']").count() == 0, entry
            continue
        assert long_date_iso(entry[key]) in (card.text_content() or ""), (entry, key)
    assert entry["display"]["deposit"] in (card.text_content() or "")


def assert_page_shows(page: Page, answer: dict[str, Any]) -> int:
    """Every figure and reason of ``answer`` (computed on the host) is what the page shows. Returns checks made."""
    if not answer["ok"]:
        return _assert_errors_shown(page, answer)
    checks = _Checks(page)
    _check_totals_and_size(checks, answer)
    _check_conditions(checks, answer)
    _check_services(checks, answer)
    _check_assumptions_and_warnings(checks, answer)
    return checks.made


class _Checks:
    """The page under check and the number of checks made on it."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.made = 0

    def same(self, key: str, expected: str) -> None:
        """The element that shows the answer's ``key`` shows ``expected``."""
        text = shown(self.page, key)
        assert text == expected, f"{key}: page shows {text!r}, host says {expected!r}"
        self.made += 1


def _assert_errors_shown(page: Page, answer: dict[str, Any]) -> int:
    """Each error of the request in the summary, in order, and at its field where the form has one."""
    links = page.locator("[data-error-summary] li a").all_text_contents()
    assert links == [error["message"] for error in answer["errors"]], links
    assert page.locator("[data-error-summary]").is_visible()
    for error in answer["errors"]:
        field = page.locator(f"[data-group-for='{error['field']}'] .kmo-error")
        if field.count():
            assert error["message"] in (field.first.text_content() or "")
    return len(links)


def _check_totals_and_size(checks: _Checks, answer: dict[str, Any]) -> None:
    page = checks.page
    checks.same("support_total", money(answer["support_total"]))
    checks.same("application_date", long_date_iso(answer["application_date"]))
    checks.same("rules_in_force_since", long_date_iso(answer["rules_in_force_since"]))
    assert page.get_attribute("[data-answer='eligible']", "data-value") == str(answer["eligible"]).lower()
    for key in ("cap", "cap_remaining_before", "cap_remaining_after"):
        checks.same(key, money(answer[key]))
    size = answer["size"]
    assert page.get_attribute("[data-answer='size.category']", "data-value") == size["category"]
    if size["fte"] is not None:
        checks.same("size.fte", number(Decimal(size["fte"])))
        checks.same("size.turnover", money(size["turnover"]))
        checks.same("size.balance_total", money(size["balance_total"]))
    checks.same("size.explanation", size["explanation"])
    checks.same("size.group_explanation", size["group_explanation"])
    checks.same("cap_explanation", answer["cap_explanation"])


def _check_conditions(checks: _Checks, answer: dict[str, Any]) -> None:
    conditions = checks.page.locator("[data-condition]")
    assert conditions.count() == len(answer["conditions"])
    for index, condition in enumerate(answer["conditions"]):
        assert conditions.nth(index).get_attribute("data-met") == str(condition["met"]).lower()
        assert conditions.nth(index).get_attribute("data-condition") == condition["id"]
        checks.same(f"conditions.{index}.explanation", condition["explanation"])


def _check_services(checks: _Checks, answer: dict[str, Any]) -> None:
    """Each service's figures and explanation, and its timeline on its card."""
    page = checks.page
    assert page.locator("[data-service]").count() == len(answer["services"])
    for index, service in enumerate(answer["services"]):
        checks.same(f"services.{index}.amount", money(service["amount"]))
        checks.same(f"services.{index}.rate_pct", percent(Decimal(service["rate_pct"])))
        checks.same(f"services.{index}.support", money(service["support"]))
        checks.same(f"services.{index}.own_share", money(service["own_share"]))
        checks.same(f"services.{index}.application_deadline", long_date_iso(service["application_deadline"]))
        checks.same(f"services.{index}.explanation", service["explanation"])
    for entry in answer["timeline"]:
        _assert_timeline_shown(page, entry)
        checks.made += 1


def _check_assumptions_and_warnings(checks: _Checks, answer: dict[str, Any]) -> None:
    page = checks.page
    assert page.locator("[data-assumption]").count() == len(answer["assumptions"])
    for assumption in answer["assumptions"]:
        item = page.locator(f"[data-assumption='{assumption['field']}']")
        assert assumption["message"] in (item.text_content() or "")
    assert page.locator("[data-answer^='warnings.']").count() == len(answer["warnings"])
    for index, warning in enumerate(answer["warnings"]):
        checks.same(f"warnings.{index}", warning)


def long_date_iso(text: str) -> str:
    return long_date(date.fromisoformat(text))
