import Testing

@testable import SitegenKit

/// How a summary line gives the time a build took.
@Suite struct ElapsedTextTests {
    @Test(arguments: [
        (Duration.microseconds(400), "0ms"), (.milliseconds(95), "95ms"), (.microseconds(95_999), "95ms"),
        (.milliseconds(1000), "1s"), (.milliseconds(1234), "1s 234ms"), (.milliseconds(61_005), "61s 5ms"),
    ])
    func aDurationIsGivenInWholeSecondsAndMilliseconds(duration: Duration, text: String) {
        #expect(duration.elapsedText == text)
    }
}
