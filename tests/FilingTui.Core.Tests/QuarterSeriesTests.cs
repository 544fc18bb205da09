using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

public class QuarterSeriesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Second_and_fourth_quarters_are_derived_from_year_to_date_values()
    {
        var values = new[]
        {
            new PeriodValue(D(2010, 9, 30), 3, 3411, "a"),
            new PeriodValue(D(2010, 12, 31), 6, 7589, "b"),
            new PeriodValue(D(2011, 3, 31), 9, 12000, "c"),
            new PeriodValue(D(2011, 6, 30), 12, 16500, "d"),
        };
        var q = QuarterSeries.Build(values, RowUnit.Usd);
        q.Select(x => (x.End, x.Value, x.Derived)).Should().Equal(
            (D(2010, 9, 30), 3411m, false),
            (D(2010, 12, 31), 4178m, true),
            (D(2011, 3, 31), 4411m, true),
            (D(2011, 6, 30), 4500m, true));
    }

    [Fact]
    public void Reported_quarters_win_and_per_share_values_are_never_derived()
    {
        var values = new[] { new PeriodValue(D(2010, 12, 31), 3, 4178, "r"), new PeriodValue(D(2010, 12, 31), 6, 7589, "y"), new PeriodValue(D(2010, 9, 30), 3, 3411, "q1") };
        QuarterSeries.Build(values, RowUnit.Usd).Single(x => x.End == D(2010, 12, 31)).Derived.Should().BeFalse();
        QuarterSeries.Build([new PeriodValue(D(2010, 12, 31), 6, -0.4m, "y"), new PeriodValue(D(2010, 9, 30), 3, -0.19m, "q1")], RowUnit.UsdPerShare)
            .Should().ContainSingle();
    }
}
