using System.Collections.Concurrent;

namespace FilingTui.Core.Tables;

/// <summary>
/// A memo shared by the parse threads that forgets everything past a bound (a corpus of odd labels must not grow
/// it without end). It keeps its own count: ConcurrentDictionary.Count takes every lock of the table, and asking
/// it on each call serialised the two parse threads (4% of an import's time in Monitor.Enter).
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int bound = 100_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new();
    private int _count;

    public TValue Get<TArg>(TKey key, Func<TKey, TArg, TValue> make, TArg arg)
    {
        if (_values.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = make(key, arg);
        if (Interlocked.Increment(ref _count) > bound)
        {
            _values.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        _values.TryAdd(key, value);
        return value;
    }

    public TValue Get(TKey key, Func<TKey, TValue> make) => Get(key, static (k, m) => m(k), make);
}
