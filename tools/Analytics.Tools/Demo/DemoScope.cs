namespace Analytics.Tools.Demo;

/// <summary>How much demo data to write.</summary>
public enum DemoScope
{
    /// <summary>2021-01-01 … 2023-06-30, monthly exports, calibrated to the published KPI targets.</summary>
    Full,

    /// <summary>Two weeks of March 2023 in two overlapping exports per shop: the committed sample-data.</summary>
    Small,
}
