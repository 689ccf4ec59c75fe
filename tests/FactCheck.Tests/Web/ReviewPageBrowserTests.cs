using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;

namespace FactCheck.Tests.Web;

/// <summary>Drives the real review page in headless Chromium: keyboard review, reload, undo, phone width.</summary>
[NonParallelizable]
public class ReviewPageBrowserTests
{
    private static ChromeDriver StartChrome()
    {
        const string chromium = "/usr/bin/chromium", driverPath = "/usr/bin/chromedriver";
        if (!File.Exists(chromium) || !File.Exists(driverPath)) Services.Missing("Chromium and chromedriver (/usr/bin/chromium, /usr/bin/chromedriver)");
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static IWebElement Item(IWebDriver d, string id) => d.FindElement(By.CssSelector($".item[data-id='{id}']"));

    private static WebDriverWait Wait(IWebDriver d)
    {
        var w = new WebDriverWait(d, TimeSpan.FromSeconds(20));
        w.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        return w;
    }

    /// <summary>Clicks a queue item, again if the queue was re-rendered under the click.</summary>
    private static void ClickItem(IWebDriver d, string id) => Wait(d).Until(x => { Item(x, id).Click(); return true; });

    private static string? VerdictOf(IWebDriver d, string id) => Wait(d).Until(x => Item(x, id).GetAttribute("data-verdict"));

    [Test]
    public async Task ConfirmWithTheKeyboardReloadDismissUndoAndPhoneWidth()
    {
        await using var server = await TestServer.StartAsync();
        var (status, _, text) = await server.PostAsync("/api/check", TestServer.ParlerRequest());
        Assert.That(status, Is.EqualTo(201), text);

        using var driver = StartChrome();
        var wait = Wait(driver);
        driver.Navigate().GoToUrl(server.BaseUrl + "/");
        var selected = wait.Until(d => d.FindElements(By.CssSelector(".item.selected")).FirstOrDefault());
        var id = wait.Until(d => d.FindElement(By.CssSelector(".item.selected")).GetAttribute("data-id"))!;
        Assert.That(VerdictOf(driver, id), Is.EqualTo("undecided"), "opens on the first undecided finding");
        wait.Until(d => d.FindElements(By.CssSelector($"#card section.finding[id='{id}']")).Count > 0);
        Assert.That(driver.FindElement(By.CssSelector("#card .ev.disputed mark")).Text, Is.Not.Empty, "the flagged span is marked");

        new Actions(driver).SendKeys("c").Perform();
        wait.Until(d => Item(d, id).GetAttribute("data-verdict") == "confirmed");

        driver.Navigate().Refresh();
        wait.Until(d => d.FindElements(By.CssSelector(".item")).Count > 0);
        Assert.That(VerdictOf(driver, id), Is.EqualTo("confirmed"), "the decision survived the reload");
        ClickItem(driver, id);
        wait.Until(d => d.FindElements(By.CssSelector($"#card section.finding[id='{id}'] .verdict.confirmed")).Count > 0);
        Assert.That(driver.FindElement(By.CssSelector("#card .reviews")).Text, Does.Contain("ana"), "who decided is shown");

        new Actions(driver).SendKeys("d").Perform();
        wait.Until(d => Item(d, id).GetAttribute("data-verdict") == "dismissed");
        ClickItem(driver, id);
        wait.Until(d => d.FindElements(By.CssSelector($"#card section.finding[id='{id}'].v-dismissed")).Count > 0);
        driver.FindElement(By.Id("b-undo")).Click();
        wait.Until(d => Item(d, id).GetAttribute("data-verdict") == "confirmed");
        Assert.That(server.Store.Load()[id].verdict, Is.EqualTo(FactCheck.Checks.Verdict.Confirmed), "undo restored the earlier verdict in the store");
        Assert.That(server.Store.History(id), Has.Count.EqualTo(3), "confirm, dismiss and the undo are all kept");

        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(TestContext.CurrentContext.WorkDirectory, "review-page-desktop.png"));
        driver.Manage().Window.Size = new System.Drawing.Size(375, 812);
        driver.Navigate().Refresh();
        wait.Until(d => d.FindElements(By.CssSelector("#card section.finding")).Count > 0);
        var js = (IJavaScriptExecutor)driver;
        var scrollWidth = Convert.ToInt64(js.ExecuteScript("return document.documentElement.scrollWidth;"));
        var clientWidth = Convert.ToInt64(js.ExecuteScript("return document.documentElement.clientWidth;"));
        Assert.That(scrollWidth, Is.LessThanOrEqualTo(clientWidth), "no horizontal scroll at phone width");
        var screenshot = ((ITakesScreenshot)driver).GetScreenshot();
        screenshot.SaveAsFile(Path.Combine(TestContext.CurrentContext.WorkDirectory, "review-page-phone.png"));
    }

    [Test]
    public async Task BulkDismissFromTheQueue()
    {
        await using var server = await TestServer.StartAsync();
        await server.PostAsync("/api/check", TestServer.ParlerRequest());
        using var driver = StartChrome();
        var wait = Wait(driver);
        driver.Navigate().GoToUrl(server.BaseUrl + "/");
        wait.Until(d => d.FindElements(By.CssSelector(".item")).Count > 0);
        int n = driver.FindElements(By.CssSelector(".item")).Count;
        driver.FindElement(By.Id("b-select")).Click();
        Assert.That(driver.FindElement(By.Id("b-bulk-dismiss")).Text, Is.EqualTo($"Dismiss {n} selected"));
        driver.FindElement(By.Id("b-bulk-dismiss")).Click();
        wait.Until(d => d.FindElements(By.CssSelector(".item[data-verdict='dismissed']")).Count == n);
        Assert.That(server.Store.Load().Values.Count(v => v.verdict == FactCheck.Checks.Verdict.Dismissed), Is.EqualTo(n));
    }
}
