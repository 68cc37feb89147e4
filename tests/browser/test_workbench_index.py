"""The local workbench as a newcomer first meets it."""


def test_index_lists_our_scenarios_and_none_of_the_samples(page) -> None:
    page.goto("/")
    links = page.locator("a[href^='/scenario/']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs, "the index lists no scenario"
    assert all(href.startswith("/scenario/eip_") for href in hrefs), hrefs
