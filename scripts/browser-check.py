#!/usr/bin/env python3
"""Walks every demo role through its main journey in headless Chromium, as a person would.

For every page it visits it checks what the page shows, runs axe-core's WCAG 2.1 A/AA rules in the
page, checks that nothing scrolls sideways at 360 px, that a Korean page shows none of the English
phrases people met on Korean pages before and no raw UUIDs, and saves a screenshot in Korean and
English at 1280 px and 360 px. It exits non-zero on the first journey that breaks and lists every
check that failed.

Usage: scripts/browser-check.sh [path/to/teukgu]   (installs what it needs, then runs this)
       python3 scripts/browser-check.py path/to/teukgu [screenshot folder]
"""
import datetime
import importlib.util
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORD = "teukgu-demo-2026"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/teukgu"))
OUT = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build/browser-check"))
AXE = open(
    os.path.join(importlib.util.find_spec("axe_playwright_python").submodule_search_locations[0], "axe.min.js"),
    encoding="utf-8",
).read()
UUID = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
# What people met on Korean pages before: English sentences, stored status words, field keys.
ENGLISH_ON_KOREAN = [
    "The plan needs", "write a whole number", "Error ·", "No such", "is required", "must be",
    "awaiting-declaration", "written-passed", "info-requested", " submitted ·", "areaSquareKilometres",
    "Sign in", "Page not found", "Something went wrong",
]
failures = []
screenshots = []


def fail(message):
    failures.append(message)
    print("  ✘ " + message, flush=True)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


class Server:
    def __init__(self):
        self.work = tempfile.mkdtemp(prefix="teukgu-browser.")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.base = "http://127.0.0.1:%d" % self.port
        env = dict(os.environ, TEUKGU_DATA=os.path.join(self.work, "data"))
        env.pop("TEUKGU_PUBLIC_URL", None)
        self.log = open(os.path.join(self.work, "server.log"), "w")
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", str(self.port)], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(240):
            try:
                urllib.request.urlopen(self.base + "/health", timeout=2).read()
                return
            except Exception:
                if self.process.poll() is not None:
                    raise SystemExit("the server stopped:\n" + open(self.log.name).read()[-4000:])
                time.sleep(0.5)
        raise SystemExit("the server did not answer")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        log = open(self.log.name).read()
        if re.search(r'" 5\d\d ', log) or "internal_error" in log:
            fail("the server log shows a 5xx")
        shutil.rmtree(self.work, ignore_errors=True)


class Person:
    """One browser: one person, signed in as one demo account (or none)."""

    def __init__(self, server, who):
        self.server = server
        self.who = who or "anonymous"
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=ko"]:
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"intl.accept_languages": "ko,ko-KR"})
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(options=options, service=service)
        # A page that never finishes loading fails its check instead of holding the walk.
        self.driver.set_page_load_timeout(60)
        self.driver.set_script_timeout(60)
        self.driver.set_window_size(1280, 900)
        self.language = "ko"
        if who:
            self.sign_in(who)

    # Navigation and reading
    def go(self, path):
        self.driver.get(path if path.startswith("http") else self.server.base + path)

    @property
    def path(self):
        return self.driver.current_url.replace(self.server.base, "")

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def see(self, *phrases):
        body = self.text()
        for phrase in phrases:
            check(phrase in body, "%s on %s: expected to see %r" % (self.who, self.path, phrase))

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def finds(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def click_link(self, text):
        for link in self.finds("main a"):
            if link.text.strip().startswith(text):
                self.press(link)
                return True
        fail("%s on %s: no link %r" % (self.who, self.path, text))
        return False

    def press(self, element):
        """Clicks something that loads a page, and waits until the new page is there."""
        # A mark on the current document: gone once a new document has loaded.
        self.driver.execute_script("window.__teukguOldPage = true")
        started = time.time()
        element.click()
        try:
            WebDriverWait(self.driver, 30, poll_frequency=0.05).until(
                lambda driver: driver.execute_script(
                    "return window.__teukguOldPage !== true && document.readyState === 'complete'"))
        except Exception as error:
            fail("%s on %s: clicking %r did not load a page within %.1fs (%s)" % (
                self.who, self.path, element.text[:30] if element else "", time.time() - started,
                type(error).__name__))

    def type(self, css, value, clear=True):
        field = self.find(css)
        if clear:
            field.clear()
        field.send_keys(value)

    def sign_in(self, email):
        self.go("/login")
        self.type("#email", email)
        self.type("#password", PASSWORD)
        self.press(self.find("main form.form button[type=submit]"))
        check(self.path.startswith("/home"), "%s: signing in did not lead home (at %s)" % (email, self.path))

    def switch_language(self):
        """The header's language switch, as a person uses it."""
        before = self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        self.press(self.find("header .tools form button"))
        after = self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        check(before != after, "%s: the language switch did nothing on %s" % (self.who, self.path))
        self.language = after

    def set_language(self, language):
        """The header's language form, submitted for `language`; it comes back to this page."""
        self.driver.execute_script(
            "const f = document.querySelector('header .tools form');"
            "f.querySelector('[name=lang]').value = arguments[0];"
            "f.querySelector('[name=back]').value = location.pathname + location.search;", language)
        self.press(self.find("header .tools form button"))
        self.language = language

    # The checks every page gets
    def inspect(self, name, reload=True):
        """Every check, and a screenshot in both languages at both widths. `reload` is False for a
        page that answers a POST (it cannot be fetched again as it is)."""
        variants = [("ko", 1280), ("en", 1280), ("ko", 360), ("en", 360)] if reload else [(self.language, 1280)]
        original = self.language
        for language, width in variants:
            if reload:
                self.resize(width)
                self.set_language(language)
            self.check_page(name, language, width)
        if reload:
            self.resize(1280)
            self.set_language(original)

    def resize(self, width):
        if width == 360:
            self.driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 780, "deviceScaleFactor": 1,
                                                       "mobile": True})
        else:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            self.driver.set_window_size(1280, 900)

    def check_page(self, name, language, width):
        where = "%s %s [%s %dpx]" % (self.who, self.path, language, width)
        lang = self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        check(lang == language, "%s: the page is in %r" % (where, lang))
        status = self.driver.execute_script(
            "return (performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0")
        check(status < 500, "%s: answered %s" % (where, status))
        body = self.text()
        if language == "ko":
            for phrase in ENGLISH_ON_KOREAN:
                check(phrase not in body, "%s: English %r on a Korean page" % (where, phrase))
        # A decision's id is its reference number, and the audit log names records exactly: those two
        # may show ids. Everywhere else a name exists and must be shown instead.
        if not (self.path.startswith("/regulation/decisions/") or self.path.startswith("/admin/audit")):
            for match in set(UUID.findall(re.sub(r"\S*/[0-9a-fA-F-]{36}\S*", "", body))):
                fail("%s: a raw id %s is shown" % (where, match))
        if width == 360:
            overflow = self.driver.execute_script(
                "const w=document.documentElement.clientWidth;"
                "return [document.documentElement.scrollWidth - w,"
                " [...document.querySelectorAll('body *')].filter(e=>{const r=e.getBoundingClientRect();"
                " return r.width>0 && r.right>w+1 && !e.closest('.table-wrap')}).slice(0,3)"
                ".map(e=>e.tagName+'.'+e.className)]")
            check(overflow[0] <= 1, "%s: scrolls sideways by %dpx (%s)" % (where, overflow[0], overflow[1]))
        violations = self.driver.execute_async_script(
            AXE + "\nconst done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            ".then(r => done(r.violations.map(v => v.id + ' (' + v.nodes.length + '): ' +"
            " v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(' | '))))"
            ".catch(e => done(['axe failed: ' + e]));")
        for violation in violations:
            fail("%s: accessibility %s" % (where, violation))
        self.screenshot(name, language, width)

    def screenshot(self, name, language, width):
        height = min(self.driver.execute_script("return document.documentElement.scrollHeight"), 6000)
        if width == 360:
            self.driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride", {"width": 360, "height": height, "deviceScaleFactor": 1,
                                                       "mobile": True})
        else:
            self.driver.set_window_size(1280, height)
        file = "%s-%s-%s-%d.png" % (re.sub(r"[^a-z0-9]+", "-", self.who.split("@")[0]), name, language, width)
        self.driver.save_screenshot(os.path.join(OUT, file))
        screenshots.append(file)
        self.resize(width)

    def keyboard_reaches(self, target_text, presses=60):
        """A keyboard-only pass: Tab from the top until `target_text` has focus, each stop visible."""
        self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.HOME)
        self.driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0,0)")
        for _ in range(presses):
            self.driver.switch_to.active_element.send_keys(Keys.TAB)
            focused = self.driver.switch_to.active_element
            outline = self.driver.execute_script(
                "const s=getComputedStyle(arguments[0]); return s.outlineStyle!=='none' && s.outlineWidth!=='0px'"
                " || s.boxShadow!=='none'", focused)
            check(outline, "%s on %s: focus on %r is not visible" % (self.who, self.path, focused.text[:40]))
            if target_text in (focused.text or focused.get_attribute("value") or ""):
                return focused
        fail("%s on %s: the keyboard never reached %r" % (self.who, self.path, target_text))
        return None

    def quit(self):
        self.driver.quit()


# The journeys ------------------------------------------------------------------------------------

def answer_until_verdict(person):
    """Answers what a check form asks with its last choices, page after page, until the verdict."""
    for select in person.finds("main form select"):
        if len(Select(select).options) > 1:
            Select(select).select_by_index(len(Select(select).options) - 1)
    for field in person.finds("main form input[type=number]"):
        field.clear()
        field.send_keys("1")
    person.press(person.find("main form button[type=submit]"))
    for _ in range(8):
        if "/regulation/decisions/" in person.path:
            break
        buttons = person.finds("main form button[type=submit]")
        if not buttons:
            break
        for select in person.finds("main form select"):
            if len(Select(select).options) > 1 and not Select(select).first_selected_option.get_attribute("value"):
                Select(select).select_by_index(len(Select(select).options) - 1)
        person.press(buttons[0])


def portal_journey(server):
    """The public portal: the map leads to a district, whose open data downloads and whose check
    gives a verdict; the collaboration results and sandbox figures read in both languages."""
    person = Person(server, None)
    person.go("/")
    tiles = person.finds("svg.tile-map rect")
    check(len(tiles) == 17, "portal: the map has %d tiles, not 17" % len(tiles))
    # An SVG link's href is an animated string to the DOM: read the attribute as written.
    marked = [a.get_dom_attribute("href") for a in person.finds("svg.tile-map a")]
    check(marked, "portal: no region on the map links to a district")
    district = next((href for href in marked if "/districts/" in (href or "")), None)
    if check(district, "portal: no map tile leads to a district page"):
        person.go(district)
        person.inspect("portal-district")
        checks = [a.get_attribute("href") for a in person.finds("main a.button") if (a.get_attribute("href") or "").endswith("/check")]
        district_id = district.rstrip("/").split("/")[-1]
        person.go("/open-data")
        person.inspect("open-data")
        person.go("/open-data/districts")
        person.inspect("open-data-schema")
        csv_link = [a.get_attribute("href") for a in person.finds("main a") if (a.get_attribute("href") or "").endswith("data.csv")]
        if check(csv_link, "portal: the schema page has no CSV download"):
            with urllib.request.urlopen(csv_link[0], timeout=30) as answer:
                text = answer.read().decode("utf-8-sig")
                etag = answer.headers.get("ETag")
            check(text.startswith("district_id,") and district_id in text,
                  "portal: the districts CSV lacks %s" % district_id)
            request = urllib.request.Request(csv_link[0], headers={"If-None-Match": etag or ""})
            try:
                urllib.request.urlopen(request, timeout=30)
                fail("portal: the CSV did not answer 304 to its own ETag")
            except urllib.error.HTTPError as error:
                check(error.code == 304, "portal: the CSV answered %d to its own ETag" % error.code)
        if check(checks, "portal: the district page has no 'May I do this here?' button"):
            person.go(checks[0] + "?all=1")
            answer_until_verdict(person)
            check("/regulation/decisions/" in person.path, "portal: no verdict from the district's check")
    for path, name in [("/collaboration/results", "collaboration-results"),
                       ("/collaboration/results?year=2024", "collaboration-results-2024"),
                       ("/sandbox/statistics", "sandbox-statistics")]:
        person.go(path)
        check(person.finds("main table"), "portal: %s shows no table" % path)
        person.inspect(name)
    person.quit()


def ministry_overview_journey(server):
    """The ministry's dashboard and staff search, and search as a region and a partner sees it."""
    person = Person(server, "officer@teukgu.demo")
    person.go("/ministry/dashboard")
    check(len(person.finds("main svg")) >= 3, "ministry: the dashboard draws fewer than three charts")
    person.inspect("dashboard")
    person.go("/search")
    person.type("#q", "naju")
    person.press(person.find("main form button[type=submit]"))
    person.see("SB-2026")
    person.inspect("search")
    person.quit()
    region = Person(server, "busan@teukgu.demo")
    region.go("/search?q=SB-2026")
    body = region.text()
    check("SB-2026-0001" in body and "SB-2026-0005" not in body, "region: search shows another region's case")
    region.inspect("search")
    region.quit()
    partner = Person(server, "nvidia@teukgu.demo")
    partner.go("/search?q=GA-2025")
    check(partner.text().count("GA-2025-") == 1, "partner: search shows another track's agreement")
    partner.inspect("search")
    partner.quit()


def public_journey(server):
    person = Person(server, None)
    person.go("/")
    person.see("특구")
    person.inspect("landing")
    person.keyboard_reaches("규제 확인")
    person.switch_language()
    person.see("Teukgu")
    person.switch_language()
    person.go("/regulation")
    person.inspect("regulation-home")
    links = [a.get_attribute("href") for a in person.finds("main a") if (a.get_attribute("href") or "").endswith("/check")]
    check(links, "public: no district to check")
    person.go(links[0] + "?all=1" if links else "/regulation")
    person.inspect("check", reload=False)
    answer_until_verdict(person)
    check("/regulation/decisions/" in person.path, "public: no verdict after the questions (at %s)" % person.path)
    person.inspect("verdict")
    permalink = [a.get_attribute("href") for a in person.finds("main a") if "/regulation/decisions/" in (a.get_attribute("href") or "")]
    check(permalink and permalink[0].startswith(server.base), "public: the permalink does not name this server: %s" % permalink)
    if permalink:
        person.go(permalink[0])
        check("/regulation/decisions/" in person.path, "public: the permalink is dead")
    person.go("/legal/deadline")
    person.driver.execute_script("document.getElementById('d-start').value = '2026-11-30'")
    person.type("#d-amount", "30")
    person.press(person.find("main form button[type=submit]"))
    person.see("2026")
    check(person.finds(".clock"), "public: the deadline calculator shows no result")
    person.inspect("deadline", reload=False)
    person.go("/districts")
    person.inspect("districts")
    first = [a.get_attribute("href") for a in person.finds("main table a")]
    if check(first, "public: no district listed"):
        person.go(first[0])
        person.inspect("district")
    person.go("/designation/calls/00000000-0000-0000-0000-000000000000")
    person.see("404")
    person.inspect("not-found", reload=False)
    person.quit()


def region_journey(server):
    person = Person(server, "busan@teukgu.demo")
    person.inspect("home")
    # The home page leads to the open call.
    open_call = [a for a in person.finds("main .attention a") if "/designation/calls/" in a.get_attribute("href")]
    if not check(open_call, "busan: the home page does not point to the open call"):
        person.quit()
        return None
    person.press(open_call[0])
    person.inspect("call")
    person.type("#plan-name", "부산 해양 모빌리티 실증 2차")
    person.find("#applicant").send_keys("부산광역시")
    person.press(person.find("form[action$='/applications'] button"))
    check("/designation/applications/" in person.path, "busan: starting an application did not open it")
    application = person.path
    person.inspect("application-draft")
    # One bad field: everything typed must come back, the field marked, the summary linking to it.
    person.type("#location", "부산 강서구 미음동 일원")
    person.type("#area", "넓음")
    person.type("#industry", "자율운항 선박")
    person.type("#period", "4")
    person.type("#operators", "해움마린로보틱스 | 123-45-67891")
    person.type("#kpis", "실증 건수 | 건 | 30")
    person.type("#state", "1,500,000,000")
    person.type("#safety", "해상 안전관리계획 수립 및 보험 가입")
    person.type("#environment", "해양환경 모니터링")
    person.type("#privacy", "영상 비식별화")
    person.press(person.find("main form.form button.secondary"))
    person.see("고칠 곳이 있습니다", "면적은 km² 단위의 숫자로")
    check(person.find("#location").get_attribute("value") == "부산 강서구 미음동 일원", "busan: the location was lost")
    check(person.find("#safety").get_attribute("value").startswith("해상 안전관리계획"), "busan: the measures were lost")
    check(person.find("#area").get_attribute("aria-invalid") == "true", "busan: the bad field is not marked")
    check(person.finds(".error-summary a[href='#area']"), "busan: the summary does not link to the field")
    person.inspect("application-refused", reload=False)
    person.type("#area", "12.5")
    # Submit straight away: what was typed is saved first.
    person.press(person.find("main form.form button[formaction]"))
    person.see("접수번호")
    check(person.finds(".receipt"), "busan: no receipt after submitting")
    person.inspect("application-submitted")
    person.quit()
    return application


def ministry_closes_and_forms_panel(server, application):
    person = Person(server, "officer@teukgu.demo")
    person.inspect("home")
    person.go(application)
    call_link = person.find("main p a").get_attribute("href")
    person.go(call_link)
    person.inspect("call")
    # Close the call now: move its closing time to a minute ago (Seoul time).
    seoul = datetime.datetime.utcnow() + datetime.timedelta(hours=9, minutes=-1)
    closes = person.find("#closes")
    person.driver.execute_script(
        "arguments[0].value = arguments[1]", closes, seoul.strftime("%Y-%m-%dT%H:%M"))
    person.press(closes.find_element(By.XPATH, "./ancestor::form").find_element(By.CSS_SELECTOR, "button"))
    person.see("마감 시각을")
    # A panel with nobody ticked is refused on the page itself, in Korean, with the header kept.
    panel_form = [f for f in person.finds("main form") if f.get_attribute("action").endswith("/panels")]
    if not check(panel_form, "officer: no panel form once the call closed"):
        person.quit()
        return None
    person.press(panel_form[0].find_element(By.CSS_SELECTOR, "button[type=submit]"))
    person.see("고칠 곳이 있습니다", "이담당")
    person.inspect("panel-refused", reload=False)
    panel_form = [f for f in person.finds("main form") if f.get_attribute("action").endswith("/panels")][0]
    for box in panel_form.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")[:3]:
        box.click()
    person.press(panel_form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check("/panels/" in person.path, "officer: forming the panel did not open it (at %s)" % person.path)
    panel = person.path
    person.inspect("panel")
    person.quit()
    return panel


def evaluator_journey(server, email, first):
    person = Person(server, email)
    person.inspect("home")
    if first:
        person.keyboard_reaches("평가")
    person.go("/evaluation/assignments")
    person.inspect("assignments")
    links = [a.get_attribute("href") for a in person.finds("main a") if "/evaluation/assignments/" in a.get_attribute("href")]
    if not check(links, "%s: no assignment" % email):
        person.quit()
        return
    person.go(links[0])
    if first:
        person.inspect("assignment")
    if not person.finds("input[name=conflict][value=no]"):
        # An evaluator the automatic conflict check excluded has nothing to declare or score.
        check(person.finds("main") and "제외" in person.text() or "excluded" in person.text().lower(),
              "%s: an assignment with neither a declaration nor an exclusion" % email)
        person.quit()
        return
    person.find("input[name=conflict][value=no]").click()
    person.press(person.find("form[action$='/declaration'] button"))
    scores = person.finds("input[name^=score_]")
    check(scores, "%s: no score fields after declaring" % email)
    for index, field in enumerate(scores):
        field.clear()
        field.send_keys("150" if index == 0 and first else "82")
    for field in person.finds("textarea[name^=why_]"):
        field.clear()
        field.send_keys("계획이 구체적이고 실증 범위가 명확함.")
    person.press(person.find("form[action$='/scorecard'] button"))
    if first:
        # One score out of range: refused, every score and justification kept.
        person.see("고칠 곳이 있습니다")
        kept = [f.get_attribute("value") for f in person.finds("textarea[name^=why_]")]
        check(all(k.startswith("계획이 구체적") for k in kept), "%s: justifications were lost" % email)
        person.inspect("scores-refused", reload=False)
        person.finds("input[name^=score_]")[0].clear()
        person.finds("input[name^=score_]")[0].send_keys("88")
        person.press(person.find("form[action$='/scorecard'] button"))
    person.see("내 채점" if person.language == "ko" else "Your scorecard")
    if first:
        person.inspect("scored")
    person.quit()


def ministry_finalises_and_selects(server, panel):
    person = Person(server, "officer@teukgu.demo")
    for stage in range(4):
        person.go(panel)
        finalise = [f for f in person.finds("main form") if f.get_attribute("action").endswith("/finalise")]
        if not finalise:
            break
        box = finalise[0].find_element(By.CSS_SELECTOR, "input[name=confirm]")
        finalise[0].find_element(By.CSS_SELECTOR, "button").click()
        check("/finalise" not in person.path and "/panels/" in person.path,
              "officer: finalising without the confirmation went ahead")
        box = person.find("input[name=confirm]")
        box.click()
        person.press(person.find("form[action$='/finalise'] button"))
        person.see("확정")
        person.inspect("call-after-stage-%d" % (stage + 1))
        # A next stage needs its own panel: form it with the same evaluators and score again.
        forms = [f for f in person.finds("main form") if f.get_attribute("action").endswith("/panels")]
        if not forms:
            break
        for box in forms[0].find_elements(By.CSS_SELECTOR, "input[type=checkbox]")[:3]:
            box.click()
        person.press(forms[0].find_element(By.CSS_SELECTOR, "button[type=submit]"))
        panel = person.path
        for email in ["evaluator@teukgu.demo", "evaluator2@teukgu.demo", "evaluator3@teukgu.demo"]:
            evaluator_journey(server, email, first=False)
    selection = [a.get_attribute("href") for a in person.finds("main a.button") if "/selection" in a.get_attribute("href")]
    if check(selection, "officer: no Selection button on the call page"):
        person.go(selection[0])
        person.inspect("selection")
        person.press(person.find("main form button[type=submit]"))
        person.see("확정")
        person.inspect("selection-confirmed", reload=False)
    # The keyboard alone reaches the call page's main action.
    person.go("/designation")
    person.keyboard_reaches("공모")
    person.quit()


def startup_journey(server):
    person = Person(server, "startup@teukgu.demo")
    person.inspect("home")
    calls = [a for a in person.finds("main .attention a") if "/collaboration/calls/" in a.get_attribute("href")]
    if not check(calls, "startup: the home page does not point to the open call"):
        person.quit()
        return
    person.press(calls[0])
    person.inspect("collaboration-call")
    person.press(person.find("form[action$='/applications'] button"))
    check("/collaboration/applications/" in person.path, "startup: applying did not open the application")
    person.inspect("collaboration-application")
    Select(person.find("#choice0")).select_by_index(1)
    person.type("#plan", "항만 로봇을 위한 엣지 추론 실증 계획: Jetson 기반 자율 점검 로봇을 부산항에서 시험한다.")
    person.type("#amount", "250,000,000")
    person.press(person.find("main form.form button.secondary"))
    person.see("고칠 곳이 있습니다", "지원 상한")
    check(person.find("#plan").get_attribute("value").startswith("항만 로봇"), "startup: the plan was lost")
    check(Select(person.find("#choice0")).first_selected_option.get_attribute("value"), "startup: the track was lost")
    person.inspect("collaboration-refused", reload=False)
    person.type("#amount", "150,000,000")
    person.press(person.find("main form.form button[formaction]"))
    check(person.finds(".receipt"), "startup: no receipt after submitting")
    person.inspect("collaboration-submitted")
    person.keyboard_reaches("로그아웃")
    person.quit()


def sandbox_journey(server):
    """A company files a sandbox case (one refusal keeps its input), the region forwards it, the
    ministry notifies the competent ministries and sees the answer clock start."""
    company = Person(server, "startup@teukgu.demo")
    company.go("/sandbox")
    company.inspect("sandbox-home")
    company.keyboard_reaches("신청하기", presses=150)
    Select(company.find("#kind")).select_by_value("rapid-confirmation")
    Select(company.find("#districtID")).select_by_value("busan-marine-mobility")
    company.type("#activity", "무인 선박의 야간 항만 입출항 시험")
    company.type("#question", "선박입출항법상 도선 의무가 적용되나요?")
    company.type("#title", "   ")
    company.press(company.find("#file form button[type=submit]"))
    company.see("고칠 곳이 있습니다", "제목을 1~200자로 적어 주세요.")
    check(company.find("#activity").get_attribute("value").startswith("무인 선박"), "sandbox: the activity was lost")
    company.inspect("sandbox-refused", reload=False)
    company.type("#title", "야간 입출항 도선 의무 확인")
    company.press(company.find("#file form button[type=submit]"))
    check("/sandbox/cases/" in company.path, "sandbox: filing did not open the case")
    company.see("지역 검토 중", "규제 신속확인")
    case_path = company.path
    company.inspect("sandbox-case")
    company.quit()
    region = Person(server, "busan@teukgu.demo")
    region.go(case_path)
    Select(region.find("#event")).select_by_value("forward")
    region.press(region.find("#next-step form button[type=submit]"))
    region.see("중기부 접수")
    region.quit()
    ministry = Person(server, "officer@teukgu.demo")
    ministry.go("/sandbox")
    ministry.see("야간 입출항 도선 의무 확인")
    ministry.inspect("sandbox-queue")
    ministry.keyboard_reaches("SB-", presses=80)
    ministry.go(case_path)
    Select(ministry.find("#event")).select_by_value("notify")
    ministry.press(ministry.find("#next-step form button[type=submit]"))
    ministry.see("관계 부처 검토 중", "회신·검토 기한")
    ministry.inspect("sandbox-clock")
    ministry.quit()
    # A granted exemption in use: its validity, insurance on file and the certifications form.
    grantee = Person(server, "startup3@teukgu.demo")
    grantee.go("/sandbox")
    grantee.see("우리 회사 인증")
    granted = [a for a in grantee.finds("main a") if a.text.startswith("SB-")
               and "1.5 kV" in a.find_element(By.XPATH, "../..").text]
    if check(granted, "sandbox: the granted demo case is not listed for its company"):
        grantee.press(granted[0])
        grantee.see("책임보험", "사용 중")
        grantee.inspect("sandbox-granted")
    grantee.quit()


def agreement_link(person, company):
    """The agreement link on /grants in the row that names the company."""
    for link in person.finds("main a"):
        if link.text.startswith("GA-") and company in link.find_element(By.XPATH, "../..").text:
            return link
    fail("%s on %s: no agreement of %r" % (person.who, person.path, company))
    return None


def grants_journey(server):
    """The illustrative 2025 cohort: a startup signs its draft; the operating organisation approves
    a reported milestone and pays it; a startup's spending beyond the plan is refused with its input
    kept; the ministry reads the cohort report; the partner reads its track's agreement."""
    signer = Person(server, "startup3@teukgu.demo")
    signer.go("/grants")
    signer.inspect("grants-startup")
    link = agreement_link(signer, "Naju DC Grid")
    if link:
        signer.press(link)
        signer.see("협약안", "마일스톤별 분할 지급")
        signer.inspect("grant-draft")
        signer.press(signer.find("#terms form button[type=submit]"))
        signer.see("협약 체결", "지급 예정")
    signer.quit()
    operator = Person(server, "operator@teukgu.demo")
    operator.go("/grants")
    operator.see("가용 예산")
    operator.inspect("grants-operator")
    link = agreement_link(operator, "Gangwon Care AI")
    if link:
        operator.press(link)
        operator.see("결과 보고됨")
        operator.press(operator.find("#instalments form button[value=approve]"))
        operator.see("지급 가능(승인, 미지급)", "승인")
        operator.press(operator.find("#instalments form.form-inline button[type=submit]"))
        operator.see("지급액")
        operator.inspect("grant-operator")
    operator.quit()
    startup = Person(server, "startup@teukgu.demo")
    startup.go("/grants")
    link = agreement_link(startup, "Haeum Marine Robotics")
    if link:
        startup.press(link)
        startup.inspect("grant-running")
        Select(startup.find("#category")).select_by_value("equipment")
        startup.type("#spendAmount", "1000000")
        startup.type("#description", "측정 장비 구매")
        startup.driver.execute_script("document.getElementById('spentOn').value = arguments[0]",
                                      time.strftime("%Y-%m-%d"))
        startup.press(startup.find("#spending form button[type=submit]"))
        startup.see("비목 변경 승인이 필요합니다")
        check(startup.find("#description").get_attribute("value") == "측정 장비 구매",
              "grants: the refused spending lost its description")
        startup.inspect("grant-spending-refused", reload=False)
    startup.quit()
    ministry = Person(server, "officer@teukgu.demo")
    ministry.go("/grants/reports?year=2025")
    ministry.see("기수 보고서", "트랙별 지급액")
    ministry.inspect("grant-reports")
    ministry.quit()
    partner = Person(server, "nvidia@teukgu.demo")
    partner.go("/grants")
    link = agreement_link(partner, "Haeum Marine Robotics")
    if link:
        partner.press(link)
        partner.see("파트너사 혜택")
        partner.inspect("grant-partner")
    partner.quit()


def partner_journey(server):
    person = Person(server, "nvidia@teukgu.demo")
    person.inspect("home")
    tracks = [a for a in person.finds("main .attention a") if "/collaboration/tracks/" in a.get_attribute("href")]
    if check(tracks, "nvidia: the home page does not point to its track"):
        check(all("NVIDIA" in a.text for a in tracks), "nvidia: the home lists another partner's track")
        person.keyboard_reaches("NVIDIA")
        person.press(tracks[0])
        person.inspect("track")
        person.see("NVIDIA")
    person.quit()


def admin_journey(server):
    person = Person(server, "admin@teukgu.demo")
    person.inspect("home")
    person.keyboard_reaches("계정 관리")
    for path, name in [("/admin/users", "users"), ("/admin/audit", "audit"), ("/regulation/statistics", "statistics"),
                       ("/account", "account"), ("/messages", "messages"), ("/documents", "documents")]:
        person.go(path)
        person.inspect(name)
    person.quit()


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".png"):
            os.remove(os.path.join(OUT, old))
    server = Server()
    steps = [("public", lambda: public_journey(server)), ("portal", lambda: portal_journey(server)),
             ("ministry overview", lambda: ministry_overview_journey(server))]
    try:
        for name, step in steps:
            print("== " + name, flush=True)
            step()
        print("== region", flush=True)
        application = region_journey(server)
        print("== partner", flush=True)
        partner_journey(server)
        print("== startup", flush=True)
        startup_journey(server)
        print("== admin", flush=True)
        admin_journey(server)
        print("== sandbox case", flush=True)
        sandbox_journey(server)
        print("== grants", flush=True)
        grants_journey(server)
        if application:
            print("== ministry forms the panel", flush=True)
            panel = ministry_closes_and_forms_panel(server, application)
            if panel:
                print("== evaluators declare and score", flush=True)
                for index, email in enumerate(["evaluator@teukgu.demo", "evaluator2@teukgu.demo",
                                               "evaluator3@teukgu.demo"]):
                    evaluator_journey(server, email, first=index == 0)
                print("== ministry finalises and confirms the selection", flush=True)
                ministry_finalises_and_selects(server, panel)
    except Exception:
        fail("the walk stopped: " + traceback.format_exc(limit=3))
    finally:
        server.stop()
    with open(os.path.join(OUT, "screenshots.txt"), "w") as listing:
        listing.write("\n".join(screenshots) + "\n")
    print("%d screenshot(s) in %s" % (len(screenshots), OUT))
    if failures:
        print("%d check(s) failed" % len(failures))
        sys.exit(1)
    print("every page passed: content, language, 360 px, WCAG 2.1 A/AA (axe-core)")


if __name__ == "__main__":
    main()
