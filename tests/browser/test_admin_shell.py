"""The owner opens the admin in a real browser: the navigation lists every screen, in English and,
with the Shopify admin in Chinese, in Chinese."""
from tests.browser.harness import save_screenshot

NAVIGATION_EN = [
    "Inbox",
    "Approvals",
    "Templates",
    "Auto-responses and FAQ",
    "Business hours and SLA",
    "Store credit policy",
    "Reports",
    "Settings",
]
NAVIGATION_ZH = [
    "收件箱",
    "审批",
    "回复模板",
    "自动回复与常见问题",
    "营业时间与 SLA",
    "商店积分政策",
    "报表",
    "设置",
]


def navigation(page):
    links = page.get_by_role("navigation").get_by_role("link")
    links.first.wait_for()
    return [text.strip() for text in links.all_inner_texts()]


def test_owner_sees_every_screen_in_the_navigation_in_english_and_chinese(context, agent_page):
    page = agent_page(context, screen="inbox", locale="en")

    assert navigation(page) == NAVIGATION_EN
    assert page.url.split("?")[0].endswith("/app/inbox")
    assert page.locator("html").get_attribute("lang") == "en"
    save_screenshot(page, "admin-shell")

    page.get_by_role("link", name="Settings").click()
    page.wait_for_url("**/app/settings")

    chinese = agent_page(context, screen="settings", locale="zh-CN")

    assert navigation(chinese) == NAVIGATION_ZH
    assert chinese.url.split("?")[0].endswith("/app/settings")
    assert chinese.locator("html").get_attribute("lang") == "zh-CN"
    chinese.get_by_role("heading", name="设置", level=1).wait_for()
    chinese.get_by_text("检查中").first.wait_for(state="hidden")  # the checklist has read the settings
    save_screenshot(chinese, "admin-settings-zh")


def test_the_dev_landing_page_opens_the_admin_and_links_the_demo_storefront(context, stack, installed, staff_agents):
    page = context.new_page()
    page.goto(f"{stack.web}/")

    staff_links = page.get_by_role("listitem").get_by_role("link")
    staff_links.first.wait_for()
    assert sorted(staff_links.all_inner_texts()) == sorted(member["name"] for member in installed.summary["staff"])
    storefront = page.get_by_role("link", name="The demo storefront")
    assert storefront.get_attribute("href") == stack.storefront("/")
    save_screenshot(page, "dev-landing")

    staff_links.first.click()
    page.get_by_role("navigation").get_by_role("link", name="Inbox").wait_for()
    assert "/app/inbox" in page.url
