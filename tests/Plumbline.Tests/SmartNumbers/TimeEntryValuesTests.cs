using System.Text;
using Plumbline.Features.SmartNumbers.Import;

namespace Plumbline.Tests.SmartNumbers;

public sealed class TimeEntryValuesTests
{
    [Theory]
    [InlineData("2026-03-04", null, 2026, 3, 4)]
    [InlineData("2026-03-04T23:30:00Z", null, 2026, 3, 4)]
    [InlineData("2026-03-04 08:15", null, 2026, 3, 4)]
    [InlineData("2026/3/4", null, 2026, 3, 4)]
    [InlineData("3/4/2026", null, 2026, 3, 4)]
    [InlineData("03/04/2026 3:15 PM", null, 2026, 3, 4)]
    [InlineData("12/31/2025 23:59:59", null, 2025, 12, 31)]
    [InlineData("4.3.2026", null, 2026, 3, 4)]
    [InlineData("04/03/2026", "dd/MM/yyyy", 2026, 3, 4)]
    [InlineData("04/03/2026 10:00", "dd/MM/yyyy", 2026, 3, 4)]
    [InlineData("20260304", "yyyyMMdd", 2026, 3, 4)]
    public void Dates_are_read_in_the_documented_formats(string text, string? format, int year, int month, int day)
    {
        Assert.True(TimeEntryValues.TryParseDate(text, format, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-02-30")]
    [InlineData("13/1/2026")]
    [InlineData("2026-13-01")]
    [InlineData("1/1/1850")]
    [InlineData("04/03/26")]
    public void Other_dates_are_refused(string text) => Assert.False(TimeEntryValues.TryParseDate(text, null, out _));

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1,5", 1.5)]
    [InlineData(" 0.25 ", 0.25)]
    [InlineData("2.345", 2.35)]
    [InlineData("0.333333", 0.33)]
    [InlineData("1:30", 1.5)]
    [InlineData("0:20", 0.33)]
    [InlineData("24", 24)]
    public void Hours_are_decimals_rounded_to_two_places(string text, decimal expected) =>
        Assert.Equal(expected, TimeEntryValues.ParseHours(text).Hours);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("abc", "not a number")]
    [InlineData("0", "more than 0")]
    [InlineData("-1", "more than 0")]
    [InlineData("0.001", "more than 0")]
    [InlineData("24.01", "at most 24")]
    [InlineData("1,000.5", "not a number")]
    [InlineData("1:75", "not a number")]
    public void Bad_hours_say_why(string text, string reason)
    {
        var result = TimeEntryValues.ParseHours(text);
        Assert.Null(result.Hours);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void Text_is_trimmed_and_cut_to_the_column_length()
    {
        Assert.Equal("Remote", TimeEntryValues.Text("  Remote  ", 100));
        Assert.Equal(100, TimeEntryValues.Text(new string('x', 150), 100).Length);
    }

    [Theory]
    [InlineData("Hours Worked", "hoursWorked")]
    [InlineData("hours_worked", "HOURSWORKED")]
    [InlineData("company/name", "Company Name")]
    [InlineData("\uFEFFexternalId", "external-id")]
    public void Header_names_compare_ignoring_case_spaces_and_punctuation(string a, string b) =>
        Assert.Equal(PsaLayout.Normalize(a), PsaLayout.Normalize(b));

    [Fact]
    public async Task A_header_without_the_required_columns_names_the_missing_ones()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("externalId,client,when\nA,Contoso,2026-01-01\n"));
        var e = await Assert.ThrowsAsync<TimeEntryFileException>(() => TimeEntryCsv.OpenAsync(stream, PsaLayouts.Generic, default));
        Assert.Equal(["date", "hours"], e.MissingColumns);
        Assert.Contains("\"when\"", e.Message);
    }

    [Fact]
    public async Task Semicolons_and_a_byte_order_mark_are_read_and_rows_know_their_line()
    {
        var csv = "externalId;client;date;hours;workType;board;ticketType\r\n" +
                  "A;Contoso;2026-01-05;1,5;Remote;Help desk;Incident\r\n" +
                  "B;Contoso;2026-01-06;\"2,25\";Remote;Help desk;Incident\r\n" +
                  "C;Contoso;someday;1;Remote;Help desk;Incident\r\n";
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        await using var file = await TimeEntryCsv.OpenAsync(stream, PsaLayouts.Generic, default);
        var rows = new List<TimeEntryCsvRow>();
        await foreach (var row in file.ReadRowsAsync(default)) rows.Add(row);

        Assert.Equal(";", file.Delimiter);
        Assert.Equal("externalId", file.Header[0]);
        Assert.Equal([1.5m, 2.25m], rows.Take(2).Select(r => r.Hours));
        Assert.Equal([2, 3, 4], rows.Select(r => r.Line));
        Assert.Contains("someday", rows[2].Error);
    }

    [Theory]
    [InlineData("externalId,client,date,hours\nA;B;C;D;E;F", ",")]
    [InlineData("externalId;client;date;hours\nA,B,C,D,E", ";")]
    [InlineData("\"a;b\",client,date\n", ",")]
    [InlineData("externalId\tclient\tdate\n", "\t")]
    public void The_separator_is_the_one_of_the_header_line(string text, string expected) => Assert.Equal(expected, TimeEntryCsv.HeaderDelimiter(text));

    [Fact]
    public async Task A_note_spanning_lines_does_not_shift_the_line_numbers()
    {
        var csv = "externalId,client,date,hours,note\n" +
                  "A,Contoso,2026-01-05,1,\"first line\nsecond line\nthird\"\n" +
                  "B,Contoso,2026-01-05,zero,plain\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        await using var file = await TimeEntryCsv.OpenAsync(stream, PsaLayouts.Generic, default);
        var rows = new List<TimeEntryCsvRow>();
        await foreach (var row in file.ReadRowsAsync(default)) rows.Add(row);

        Assert.Equal([2, 5], rows.Select(r => r.Line));
    }

    [Fact]
    public async Task Halo_external_ids_combine_the_ticket_and_the_action_number()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("Ticket ID,Action ID,Client,Date,Time Taken\n1042,3,Contoso,3/4/2026,0:45\n"));
        await using var file = await TimeEntryCsv.OpenAsync(stream, PsaLayouts.Halo, default);
        await foreach (var row in file.ReadRowsAsync(default))
        {
            Assert.Equal("1042-3", row.ExternalId);
            Assert.Equal(0.75m, row.Hours);
        }
    }
}
