using System.Text.RegularExpressions;
using Jar.Testing;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// One request object presented to every instance at the same moment, by value or through PAR, and each answer
/// reduced to what the soak compares: <see cref="Accepted"/>, or the OAuth error and rule id of a refusal (the
/// HTML refusal page at the authorization endpoint, JSON at PAR, never redirected), or <c>unexpected ...</c>.
/// </summary>
public sealed partial record Race(string RequestObject, Delivery Delivery, IReadOnlyList<string> Answers)
{
    public const string Accepted = "accepted";
    public const string Replayed = "invalid_request_object JAR406";
    public const string Unavailable = "temporarily_unavailable JAR901";

    /// <summary>What every race must come to while the stores are up: one acceptance, every other answer JAR406.</summary>
    public bool IsDecidedOnce => Answers.Count(a => a == Accepted) == 1 && Answers.Count(a => a == Replayed) == Answers.Count - 1;

    /// <summary>Never more than one acceptance, and nothing but a replay or an unavailable store besides.</summary>
    public bool IsSafe => Answers.Count(a => a == Accepted) <= 1 && Answers.All(a => a is Accepted or Replayed or Unavailable);

    public override string ToString() => $"{Delivery}: {string.Join(" | ", Answers)}";

    public static async Task<Race> RunAsync(IReadOnlyList<OperationsHost> instances, TestClient client, Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(client);
        var attempts = instances.Select(instance => instance.Attempt(client)).ToArray();
        var requestObject = attempts[0].RequestObject.With("jti", Guid.NewGuid().ToString("N")).Build();
        KeyValuePair<string, string>[] parameters = [new("client_id", client.ClientId), new("request", requestObject)];

        // Every send waits for the same signal, so none starts before all are ready.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = attempts.Select(async attempt =>
        {
            await start.Task;
            return delivery == Delivery.ByValue ? await attempt.AuthorizeAsync(parameters) : await attempt.PushAsync(parameters);
        }).ToArray();
        start.SetResult();
        var answers = await Task.WhenAll(sends);
        return new Race(requestObject, delivery, [.. answers.Select(a => Classify(a, delivery))]);
    }

    private static string Classify(EndpointAnswer answer, Delivery delivery)
    {
        if (delivery == Delivery.ByValue
                ? answer is { Status: 302, Location: { } location } && location.OriginalString.Contains("request_uri=", StringComparison.Ordinal)
                : answer.Status == 201 && answer.Parameters.ContainsKey("request_uri"))
        {
            return Accepted;
        }

        var mediaType = delivery == Delivery.ByValue ? "text/html" : "application/json";
        return answer is { Status: 400, Location: null, Error: { } error, ErrorDescription: { } description } && answer.MediaType == mediaType
            && RuleId().Match(description) is { Success: true } rule
            ? $"{error} {rule.Groups[1].Value}"
            : $"unexpected {answer}";
    }

    [GeneratedRegex(@"\(rule (JAR\d{3})\)$")]
    private static partial Regex RuleId();
}
