namespace Analytics.Tests; public class T { [Test] public void A() => Assert.That(Analytics.Ingestion.Placeholder.V(), Does.StartWith("3.")); }
