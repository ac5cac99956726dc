"""Nothing leaves the browser: no request, a strict policy, and no console errors (CSP reports land there)."""

import json

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def use_the_page(builder):
    """A bit of everything a reader does, so any request or error it could cause happens."""
    builder.fill_sample("notes/interviewer")
    builder.add_person()
    builder.type(builder.person_input(1, "recipient_name"), "Ms. Okafor")
    builder.type(builder.reader_input("company"), "Harborview Software")
    builder.click(builder.find('input[data-element="appreciation"]', builder.cards()[1]))
    builder.person_note_select(1).find_element("css selector", 'option[value="notes/recruiter"]').click()
    builder.js("window.print = () => {}")
    builder.click(builder.action(0, "print"))
    builder.click(builder.action(0, "copy"))
    builder.wait(lambda _: builder.status(0) != "")


def test_no_network_requests(builder, driver, builder_url):
    driver.get_log("performance")
    builder.open()
    use_the_page(builder)

    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    assert builder_url in requests, "the performance log recorded no request at all; is logging working?"
    others = [url for url in requests if url != builder_url and not url.startswith(("data:", "blob:"))]
    assert others == []


def test_content_security_policy_is_strict(builder):
    policy = builder.find('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    directives = {d.split()[0]: d.split()[1:] for d in (part.strip() for part in policy.split(";")) if d}
    assert directives["default-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert all(source.startswith("'sha256-") for source in directives["script-src"])
    assert all(source.startswith("'sha256-") for source in directives["style-src"])
    assert directives["form-action"] == ["'none'"]
    # The inline script is the only script that runs, and no element carries inline handlers or styles.
    assert builder.js("return document.querySelectorAll('[style], [onclick], [oninput], [onload], [onerror]').length") == 0


def test_no_console_errors(builder, driver):
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS})
    try:
        driver.get_log("browser")
        builder.open()
        use_the_page(builder)
        assert builder.js("return window.__violations") == []
        builder.js("console.error('probe: the console log is being read')")
        severe = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert len(severe) == 1 and "probe" in severe[0], severe
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
