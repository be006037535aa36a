using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Plumbline.Features.Reports;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>An SVG logo must be a plain drawing: a file that merely contains "&lt;svg" somewhere is not enough.</summary>
public sealed class SvgLogoTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string Open = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">";

    [Theory]
    [InlineData(Open + "<rect width=\"10\" height=\"10\" fill=\"#1f5f8b\"/></svg>")]
    [InlineData("<?xml version=\"1.0\"?>" + Open +
        "<defs><linearGradient id=\"g\"/></defs><rect fill=\"url(#g)\" width=\"5\" height=\"5\"/><use xlink:href=\"#g\"/></svg>")]
    [InlineData(Open + "<!-- made by hand --><g><text x=\"1\" y=\"9\">Northwind</text></g></svg>")]
    public void Plain_drawings_are_accepted(string svg) => Assert.True(SvgLogoCheck.IsPlainDrawing(Encoding.UTF8.GetBytes(svg)));

    [Theory]
    [InlineData("<html><body><svg xmlns=\"http://www.w3.org/2000/svg\"/><script>alert(1)</script></body></html>")]
    [InlineData(Open + "<script>alert(1)</script></svg>")]
    [InlineData(Open + "<rect width=\"10\" height=\"10\" onload=\"alert(1)\"/></svg>")]
    [InlineData(Open + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">hi</div></foreignObject></svg>")]
    [InlineData(Open + "<image xlink:href=\"https://tracker.example/pixel.png\"/></svg>")]
    [InlineData(Open + "<a href=\"javascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a></svg>")]
    [InlineData(Open + "<rect style=\"fill:url(https://tracker.example/x)\" width=\"1\" height=\"1\"/></svg>")]
    [InlineData(Open + "<set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Open + "<text>&x;</text></svg>")]
    [InlineData(Open + "<rect width=\"10\"")]
    [InlineData("<svg><rect/></svg>")]
    public void Scripts_handlers_embedded_html_outside_links_and_broken_xml_are_refused(string svg) =>
        Assert.False(SvgLogoCheck.IsPlainDrawing(Encoding.UTF8.GetBytes(svg)));

    [Fact]
    public async Task Uploading_a_scripted_svg_is_refused_with_a_reason_and_keeps_the_old_logo()
    {
        var admin = await factory.AdminAsync();
        await (await admin.PutAsync("/api/v1/settings/logo", Upload(Open + "<rect width=\"10\" height=\"10\"/></svg>"))).ExpectAsync(HttpStatusCode.NoContent);

        var scripted = await admin.PutAsync("/api/v1/settings/logo", Upload(Open + "<script>alert(document.cookie)</script></svg>"));

        var problem = await scripted.ValidationProblemAsync("file");
        Assert.Contains("plain SVG", problem.ToString());
        var client = await admin.CreateClientAsync();
        var report = await admin.ReportHtmlAsync($"/reports/clients/{client.Id}/roadmap");
        Assert.Contains("data:image/svg+xml;base64,", report);
    }

    private static MultipartFormDataContent Upload(string svg)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(svg));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/svg+xml");
        return new MultipartFormDataContent { { file, "file", "logo.svg" } };
    }
}
