namespace Analytics.Tools.Demo;

/// <summary>Picks items with given relative weights from a seeded <see cref="Random"/>.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedChoice(IEnumerable<(T Item, double Weight)> weighted)
    {
        var list = weighted.Where(w => w.Weight > 0).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one item needs a positive weight.", nameof(weighted));
        }

        _items = list.Select(w => w.Item).ToArray();
        _cumulative = new double[list.Length];
        var sum = 0.0;
        for (var i = 0; i < list.Length; i++)
        {
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public IReadOnlyList<T> Items => _items;

    public T Next(Random rng)
    {
        var x = rng.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        if (i < 0)
        {
            i = ~i;
        }

        return _items[Math.Min(i, _items.Length - 1)];
    }
}
