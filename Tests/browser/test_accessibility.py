"""Basic accessibility checks: labelled controls, keyboard use, and no horizontal scroll at 320px."""

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import axe_violations

UNLABELLED_CONTROLS = """
const unlabelled = [];
for (const control of document.querySelectorAll('#builder-app input, #builder-app textarea, #builder-app select, #builder-app button, #builder-app a')) {
  if (control.hidden) continue;
  const labelled = control.labels && control.labels.length > 0 && control.labels[0].textContent.trim() !== '';
  const named = (control.tagName === 'BUTTON' || control.tagName === 'A') && control.textContent.trim() !== '';
  if (!labelled && !named && !control.getAttribute('aria-label')) unlabelled.push(control.outerHTML.slice(0, 120));
}
const ids = [...document.querySelectorAll('[id]')].map((node) => node.id);
const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
const dangling = [...document.querySelectorAll('[aria-describedby], [aria-labelledby]')].flatMap((node) =>
  ((node.getAttribute('aria-describedby') || '') + ' ' + (node.getAttribute('aria-labelledby') || ''))
    .split(/\\s+/).filter((id) => id && !document.getElementById(id)));
return {unlabelled, duplicates, dangling};
"""


def test_every_control_is_labelled(builder):
    builder.fill_sample("notes/interviewer")
    builder.add_person()
    assert builder.js(UNLABELLED_CONTROLS) == {"unlabelled": [], "duplicates": [], "dangling": []}
    # Fields describe themselves with the hint and example from the data.
    hint_id = builder.reader_input("company").get_attribute("aria-describedby").split()[0]
    assert "For example: Harborview Software" in builder.find(f"#{hint_id}").text


def test_keyboard_only(builder):
    builder.js("document.getElementById('builder-add').focus()")
    builder.driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert len(builder.cards()) == 2
    focused = builder.driver.switch_to.active_element
    assert focused == builder.person_input(1, "recipient_name")
    focused.send_keys("Tom")
    assert builder.preview(1).startswith("Dear Tom,")

    box = builder.find('input[data-element="outcome"]', builder.cards()[1])
    builder.js("arguments[0].focus()", box)
    builder.driver.switch_to.active_element.send_keys(Keys.SPACE)
    assert builder.element_status(1, "outcome") == "off"
    # Focus is visible: an outline is drawn on the focused control.
    assert builder.js("return getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_no_horizontal_scroll_at_320_pixels(builder, driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        builder.fill_sample("notes/interviewer")
        builder.type(builder.reader_input("company"), "Averyveryverylongorganizationnamewithoutanyspaces")
        builder.add_person()
        widths = builder.js("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], widths
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_a_filled_builder(builder, driver, width, scheme):
    driver.set_window_size(width, 900)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    try:
        builder.open()
        builder.fill_sample("notes/interviewer")
        builder.add_person()
        # Findings and tidying notes showing, and a removed person waiting for undo.
        builder.type(builder.reader_input("looked_forward"), "Growing with the company..")
        builder.add_person()
        builder.click(builder.find('button[data-role="remove"]', builder.person_rows()[2]))
        assert axe_violations(driver) == []
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.set_window_size(1280, 1000)
