using System.Text;
using Plumbline.Features.Webhooks;
using Plumbline.Infrastructure;

namespace Plumbline.Tests.Webhooks;

public sealed class WebhookSigningTests
{
    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_the_body_with_the_secret()
    {
        // The published HMAC-SHA256 example (key "key", the quick brown fox).
        var signature = WebhookSigning.Sign("key", "The quick brown fox jumps over the lazy dog");

        Assert.Equal("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", signature);
    }

    [Fact]
    public void Verify_accepts_the_signature_and_refuses_a_changed_body_another_secret_or_no_signature()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"1","event":"handoff.created","data":{"title":"Café"}}""");
        var signature = WebhookSigning.Sign("whsec_one", body);

        Assert.True(WebhookSigning.Verify("whsec_one", body, signature));
        Assert.False(WebhookSigning.Verify("whsec_two", body, signature));
        Assert.False(WebhookSigning.Verify("whsec_one", [.. body, (byte)' '], signature));
        Assert.False(WebhookSigning.Verify("whsec_one", body, signature.Replace("sha256=", "")));
        Assert.False(WebhookSigning.Verify("whsec_one", body, null));
    }

    [Fact]
    public void The_standard_signature_matches_the_published_Standard_Webhooks_example()
    {
        // The example the Standard Webhooks libraries verify: secret, message id, timestamp, body and the expected header.
        var body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

        var signature = WebhookSigning.SignStandard("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void A_secret_made_before_ADR_013_in_hex_is_read_as_base64_like_any_standard_verifier_reads_it()
    {
        var hex = "whsec_" + new string('a', 32) + new string('0', 32);

        Assert.Equal(Convert.FromBase64String(hex["whsec_".Length..]), WebhookSigning.StandardKey(hex));
        Assert.Equal(48, WebhookSigning.StandardKey(hex).Length);
    }

    [Fact]
    public void New_secrets_are_32_random_bytes_in_base64_and_say_what_they_are()
    {
        var secrets = Enumerable.Range(0, 20).Select(_ => WebhookSigning.NewSecret()).ToList();

        Assert.All(secrets, s => Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", s));
        Assert.All(secrets, s => Assert.Equal(32, WebhookSigning.StandardKey(s).Length));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Fact]
    public void Retries_wait_1_min_5_min_30_min_2_h_and_12_h_then_stop()
    {
        var waits = Enumerable.Range(1, 6).Select(RetrySchedule.DelayAfter).ToList();

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12), null], waits);
        Assert.Null(RetrySchedule.DelayAfter(0));
        Assert.Equal(6, RetrySchedule.MaxAttempts);
    }
}
