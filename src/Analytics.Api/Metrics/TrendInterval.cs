namespace Analytics.Api.Metrics;

internal enum TrendInterval { Day, Week, Month }
