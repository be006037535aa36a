using System.Net;
using System.Text.RegularExpressions;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Layout;

/// <summary>
/// The icon set (issue 13): one sprite built from lucide-static at build time. Every icon a page shows must be in the sprite
/// the page points at, and icons are decoration only: hidden from screen readers, never focusable, with text beside them.
/// </summary>
public sealed partial class IconTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/clients")]
    [InlineData("/reviews")]
    [InlineData("/users")]
    public async Task Every_icon_on_the_page_is_in_the_sprite_and_hidden_from_screen_readers(string path)
    {
        var admin = await factory.AdminAsync();
        var page = await (await admin.GetAsync(path)).ExpectAsync(HttpStatusCode.OK);

        var icons = IconTag().Matches(page);
        Assert.NotEmpty(icons);
        foreach (Match icon in icons)
        {
            Assert.Contains("aria-hidden=\"true\"", icon.Value);
            Assert.Contains("focusable=\"false\"", icon.Value);
        }

        var uses = UseHref().Matches(page).Select(m => (Sprite: m.Groups[1].Value, Name: m.Groups[2].Value)).ToList();
        Assert.Equal(icons.Count, uses.Count);
        foreach (var sprite in uses.GroupBy(u => u.Sprite))
        {
            var response = await admin.GetAsync(WebUtility.HtmlDecode(sprite.Key));
            var svg = await response.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            foreach (var (_, name) in sprite) Assert.Contains($"<symbol id=\"{name}\" viewBox=\"0 0 24 24\">", svg);
        }
    }

    [Fact]
    public async Task The_main_menu_keeps_its_words_beside_the_icons()
    {
        var admin = await factory.AdminAsync();
        var page = await (await admin.GetAsync("/")).ExpectAsync(HttpStatusCode.OK);

        foreach (var word in new[] { "Home", "Clients", "Reviews", "Portfolio", "Schedule", "Hand-offs", "Numbers", "Library", "Admin" })
            Assert.Matches($"</use></svg>{Regex.Escape(word)}<", page);
    }

    [GeneratedRegex("<svg class=\"icon\"[^>]*>")]
    private static partial Regex IconTag();

    [GeneratedRegex("<use href=\"([^\"#]+)#([a-z0-9-]+)\"")]
    private static partial Regex UseHref();
}
