import XCTest
@testable import Jinja

/// Expected values below were computed with Python 3.
final class BigIntegerTests: XCTestCase {
    private func big(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> BigInteger {
        guard let value = BigInteger(text) else {
            XCTFail("could not parse \(text)", file: file, line: line)
            return BigInteger(0)
        }
        return value
    }

    // MARK: Parsing and printing

    func testRoundTripsDecimalText() {
        let texts = [
            "0", "1", "-1", "9", "999999999", "1000000000", "-1000000000", "4294967295", "4294967296",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
            "18446744073709551615", "18446744073709551616", "100000000000000000000",
            "-100000000000000000000000000000000000001",
            "515377520732011331036461129765621272702107522001",
            "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        ]
        for text in texts {
            XCTAssertEqual(big(text).description, text)
        }
    }

    func testParsesSignsAndLeadingZeros() {
        XCTAssertEqual(big("+5").description, "5")
        XCTAssertEqual(big("-0").description, "0")
        XCTAssertEqual(big("-0"), BigInteger(0))
        XCTAssertEqual(big("-0").signum, 0)
        XCTAssertEqual(big("000123").description, "123")
        XCTAssertEqual(big("-0000000000000000000000000012").description, "-12")
        XCTAssertEqual(BigInteger(Substring("x123456789012345678901234567890").dropFirst())?.description,
                       "123456789012345678901234567890")
    }

    func testRejectsMalformedText() {
        for text in ["", "-", "+", "12a", " 1", "1 ", "1_000", "--1", "+-1", "1.0", "1e5", "\u{0661}"] {
            XCTAssertNil(BigInteger(text), text)
        }
    }

    func testIntInitializerPrintsLikeInt() {
        for value in [0, 1, -1, 42, -42, Int(Int32.max), Int(UInt32.max), Int.max, Int.min] {
            XCTAssertEqual(BigInteger(value).description, String(value))
        }
    }

    // MARK: Addition, subtraction, multiplication

    func testArithmeticAcrossSignsAndTheIntBoundary() {
        let max = BigInteger(Int.max), min = BigInteger(Int.min), one = BigInteger(1)
        XCTAssertEqual((max + one).description, "9223372036854775808")
        XCTAssertEqual((min - one).description, "-9223372036854775809")
        XCTAssertEqual((max + max).description, "18446744073709551614")
        XCTAssertEqual((min + min).description, "-18446744073709551616")
        XCTAssertEqual((max * max).description, "85070591730234615847396907784232501249")
        XCTAssertEqual((min * min).description, "85070591730234615865843651857942052864")
        XCTAssertEqual((min * BigInteger(-1)).description, "9223372036854775808")
        XCTAssertEqual((-min).description, "9223372036854775808")
        XCTAssertEqual((max + one - one).asInt, Int.max)
        XCTAssertEqual((max + min).asInt, -1)
        XCTAssertEqual((BigInteger(5) + BigInteger(-8)).description, "-3")
        XCTAssertEqual((BigInteger(-5) + BigInteger(8)).description, "3")
        XCTAssertEqual((BigInteger(-5) - BigInteger(-5)).description, "0")
        XCTAssertEqual((BigInteger(-5) - BigInteger(-5)).signum, 0)
        XCTAssertEqual((BigInteger(-3) * BigInteger(7)).description, "-21")
        XCTAssertEqual((BigInteger(-3) * BigInteger(-7)).description, "21")
        XCTAssertEqual((BigInteger(0) * BigInteger(-7)).signum, 0)
        XCTAssertEqual((big("18446744073709551616") - big("18446744073709551617")).description, "-1")
        XCTAssertEqual((big("-18446744073709551616") + big("18446744073709551616")), BigInteger(0))
    }

    /// (a, b, a // b, a % b, a * b, a + b, a - b) for random operands.
    private let randomTable: [(String, String, String, String, String, String, String)] = [
        ("5916577241392309741914029216933384094622784376292", "18018545357066389270450772061", "328360426668515011177", "14465811888095348435090050495", "106608115382614068162292576384485040530846864133451252704391162717699744377812", "5916577241392309741932047762290450483893235148353", "5916577241392309741896010671576317705352333604231"),
        ("-90122", "-178825149820198303486016856656783", "0", "-90122", "16116080152095911506766811155622597526", "-178825149820198303486016856746905", "178825149820198303486016856566661"),
        ("1775651415", "180845313013101368", "0", "1775651415", "321118235947831357627635720", "180845314788752783", "-180845311237449953"),
        ("-36868150425576828010985471449247454650122279045354386431911382268400806140286762593159925", "-15207130092", "2424398963021432933960164838790244410445612898972915976019348323754762427548697", "-2649069801", "560658759773171987703765669450657818364279841150229722712916090371113119773013200939702248835963100", "-36868150425576828010985471449247454650122279045354386431911382268400806140286777800290017", "-36868150425576828010985471449247454650122279045354386431911382268400806140286747386029833"),
        ("92600975546745261606297398135197184249021893602333197202400486874199009700720474433583", "1725251881516405277929719818786906502390818", "53673887586405003762851358219985407321854539", "989791749375040008969141107344695349210681", "159760007292276898527881843051203072158350563734386744329795157722654293191947172812063224807323531431414163837421404233850040894", "92600975546745261606297398135197184249021895327585078718805764803918828487626976824401", "92600975546745261606297398135197184249021891877081315685995208944479190913813972042765"),
        ("-53463603451052231674657622681100784536382403748031557092301973469741389361492", "7867153323825838881960200109", "-6795800367731055531755255587506943099633069513327", "7615183324682004046772991151", "-420606365593652154765429042302887342555087835630876112738752173908269996405709630374156648037168058802628", "-53463603451052231674657622681100784536382403748023689938978147630859429161383", "-53463603451052231674657622681100784536382403748039424245625799308623349561601"),
        ("169249502766918567343267232017053035339980025936529146332537326844426690060715600989654824708731703765690912", "-1099367390", "-153951721968866629146847108151036784290991227178867972727967969692485321090627948305483960833813439", "-414663298", "-186067384115665043722706930935112030953291603765974353262529633090534306298387851792278241640945883379140789472159680", "169249502766918567343267232017053035339980025936529146332537326844426690060715600989654824708731702666323522", "169249502766918567343267232017053035339980025936529146332537326844426690060715600989654824708731704865058302"),
        ("-5879610835405697874918655", "-25168269031764985405736324005015", "0", "-5879610835405697874918655", "147979627307571080626752211007081105058841453566937054825", "-25168274911375820811434198923670", "25168263152154150000038449086360"),
        ("-38163578271775755449313018057512280593946749368721551", "220192", "-173319549628395924689875281833637373719057683153", "103825", "-8403314626818847143895132072119744088542322636997535757792", "-38163578271775755449313018057512280593946749368501359", "-38163578271775755449313018057512280593946749368941743"),
        ("-42217131845107756968648544404749756039721", "-26958334185580108043391117748345498654734671956147", "0", "-42217131845107756968648544404749756039721", "1138103548637111067448840337445121737047608967687567020176868845055641671023256854902114987", "-26958334227797239888498874716994043059484427995868", "26958334143362976198283360779696954249984915916426"),
        ("-3909836819710625323326531433287655235135652121535991685205340238791255600603896317951860287626802452029", "-3171246566", "1232902184784147535542504843909905943004386408702851926148633703807455885031897679933304904563", "-430971371", "12399056588127681670311902504504534754615859334591628277111988237128389314243373724524881090448269565557345982414", "-3909836819710625323326531433287655235135652121535991685205340238791255600603896317951860287629973698595", "-3909836819710625323326531433287655235135652121535991685205340238791255600603896317951860287623631205463"),
        ("-1289625450752664463528527554149880148427587366970853126600658", "-29288583897", "44031676481455270801702822052621964238614256105659", "-15008627535", "37771303210075854936345775922594975239716205226823158552108134248404226", "-1289625450752664463528527554149880148427587366970882415184555", "-1289625450752664463528527554149880148427587366970823838016761"),
    ]

    func testRandomOperandsAgainstPython() {
        for (a, b, quotient, remainder, product, sum, difference) in randomTable {
            let x = big(a), y = big(b)
            XCTAssertEqual((x * y).description, product, "\(a) * \(b)")
            XCTAssertEqual((x + y).description, sum, "\(a) + \(b)")
            XCTAssertEqual((x - y).description, difference, "\(a) - \(b)")
            XCTAssertEqual(x.floorDivided(by: y)?.description, quotient, "\(a) // \(b)")
            XCTAssertEqual(x.modulo(y)?.description, remainder, "\(a) % \(b)")
        }
    }

    // MARK: Floor division and modulo

    /// (a, b, a // b, a % b) from Python, covering every sign combination.
    private let divisionTable: [(String, String, String, String)] = [
        ("7", "2", "3", "1"),
        ("-7", "2", "-4", "1"),
        ("7", "-2", "-4", "-1"),
        ("-7", "-2", "3", "-1"),
        ("6", "3", "2", "0"),
        ("-6", "3", "-2", "0"),
        ("6", "-3", "-2", "0"),
        ("0", "5", "0", "0"),
        ("0", "-5", "0", "0"),
        ("1", "100000000000000000000", "0", "1"),
        ("-1", "100000000000000000000", "-1", "99999999999999999999"),
        ("1", "-100000000000000000000", "-1", "-99999999999999999999"),
        ("1000000000000000000000000000000", "7", "142857142857142857142857142857", "1"),
        ("-1000000000000000000000000000000", "7", "-142857142857142857142857142858", "6"),
        ("1000000000000000000000000000000", "-7", "-142857142857142857142857142858", "-6"),
        ("-1000000000000000000000000000000", "-7", "142857142857142857142857142857", "-1"),
        ("18446744073709551616", "4294967297", "4294967295", "1"),
        ("-18446744073709551616", "4294967297", "-4294967296", "4294967296"),
        ("515377520732011331036461129765621272702107522001", "100000000000000000039", "5153775207320113308354638966", "80136853676276602327"),
        ("-515377520732011331036461129765621272702107522001", "100000000000000000039", "-5153775207320113308354638967", "19863146323723397712"),
        ("515377520732011331036461129765621272702107522001", "-100000000000000000039", "-5153775207320113308354638967", "-19863146323723397712"),
        ("-515377520732011331036461129765621272702107522001", "-100000000000000000039", "5153775207320113308354638966", "-80136853676276602327"),
        ("1606938044258990275541962092341162602522202993782792835301375", "1267650600228229401496703205375", "1267650600228229401496703205377", "0"),
        ("1606938044258990275541962092341162602522202993782792835301376", "1267650600228229401496703205377", "1267650600228229401496703205375", "1"),
        ("-1606938044258990275541962092341162602522202993782792835301376", "-1267650600228229401496703205376", "1267650600228229401496703205376", "0"),
        ("170141183460469231731687303715884105727", "18446744073709551615", "9223372036854775808", "9223372036854775807"),
        ("18446744073709551616", "18446744073709551616", "1", "0"),
        ("-18446744073709551616", "18446744073709551616", "-1", "0"),
        ("18446744073709551615", "18446744073709551616", "0", "18446744073709551615"),
        // Cases that make Knuth's quotient estimate too large (the "add back" step), from Hacker's Delight.
        ("170141183420855150474555134919112130560", "39614081257132168796771975169", "4294967294", "39614081257132168792477007874"),
        ("39614081257132168796771975171", "9903520314283042199192993793", "3", "9903520314283042199192993792"),
        ("170141183500083312988819472512656080896", "79228162505040965556689174528", "2147483648", "59421121885698253195157962752"),
        ("170141183460469231731687303715884105731", "39614081257132168796771975169", "4294967295", "39614081257132168792477007876"),
        ("170141183460469231750134047781003722752", "39614081275578912866186559488", "4294967294", "73786976277658337280"),
    ]

    func testFloorDivisionAndModuloFollowPython() {
        for (a, b, quotient, remainder) in divisionTable {
            let x = big(a), y = big(b)
            XCTAssertEqual(x.floorDivided(by: y)?.description, quotient, "\(a) // \(b)")
            XCTAssertEqual(x.modulo(y)?.description, remainder, "\(a) % \(b)")
            let both = x.divMod(y)
            XCTAssertEqual(both?.quotient.description, quotient)
            XCTAssertEqual(both?.remainder.description, remainder)
        }
    }

    func testDivisionByZeroReturnsNil() {
        XCTAssertNil(BigInteger(5).floorDivided(by: BigInteger(0)))
        XCTAssertNil(big("-100000000000000000000").modulo(BigInteger(0)))
        XCTAssertNil(BigInteger(0).divMod(BigInteger(0)))
    }

    func testDivModIdentityOnGeneratedOperands() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
        func randomBig(maxLimbs: Int) -> BigInteger {
            var value = BigInteger(0)
            let base = BigInteger(1 << 32)
            for _ in 0..<(Int(next() >> 33) % maxLimbs + 1) {
                // Mix in all-ones and zero limbs to reach the edge cases of the quotient estimate.
                let limb: Int
                switch next() % 4 {
                case 0: limb = 0xFFFF_FFFF
                case 1: limb = 0
                default: limb = Int(next() >> 32)
                }
                value = value * base + BigInteger(limb)
            }
            return next() % 2 == 0 ? value : -value
        }
        for _ in 0..<500 {
            let a = randomBig(maxLimbs: 12), b = randomBig(maxLimbs: 6)
            guard let (q, r) = a.divMod(b) else {
                XCTAssertTrue(b.isZero)
                continue
            }
            XCTAssertEqual(q * b + r, a)
            XCTAssertTrue(r.isZero || r.signum == b.signum, "remainder takes the divisor's sign")
            XCTAssertTrue((r.signum < 0 ? -r : r) < (b.signum < 0 ? -b : b))
            XCTAssertEqual(BigInteger(a.description), a)
        }
    }

    // MARK: Power

    func testPower() {
        XCTAssertEqual(BigInteger(2).power(64)?.description, "18446744073709551616")
        XCTAssertEqual(BigInteger(3).power(100)?.description, "515377520732011331036461129765621272702107522001")
        XCTAssertEqual(BigInteger(10).power(30)?.description, "1000000000000000000000000000000")
        XCTAssertEqual(BigInteger(-3).power(5)?.description, "-243")
        XCTAssertEqual(BigInteger(-2).power(63)?.asInt, Int.min)
        XCTAssertEqual(BigInteger(-2).power(64)?.description, "18446744073709551616")
        XCTAssertEqual(BigInteger(7).power(0)?.description, "1")
        XCTAssertEqual(BigInteger(0).power(0)?.description, "1")
        XCTAssertEqual(BigInteger(0).power(Int.max)?.description, "0")
        XCTAssertEqual(BigInteger(1).power(Int.max)?.description, "1")
        XCTAssertEqual(BigInteger(-1).power(Int.max)?.description, "-1")
        XCTAssertEqual(BigInteger(-1).power(Int.max - 1)?.description, "1")
    }

    func testPowerRefusesNegativeExponentsAndHugeResults() {
        XCTAssertNil(BigInteger(2).power(-1))
        XCTAssertEqual(BigInteger(2).power(BigInteger.maxPowerBits - 1)?.bitLength, BigInteger.maxPowerBits)
        XCTAssertNil(BigInteger(2).power(BigInteger.maxPowerBits))
        XCTAssertNil(BigInteger(3).power(1_000_000_000))
        XCTAssertNil(BigInteger(10).power(Int.max))
        XCTAssertNil(big("100000000000000000000").power(Int.max / 2))
    }

    // MARK: Conversions

    func testAsInt() {
        XCTAssertEqual(BigInteger(0).asInt, 0)
        XCTAssertEqual(BigInteger(Int.max).asInt, Int.max)
        XCTAssertEqual(BigInteger(Int.min).asInt, Int.min)
        XCTAssertEqual(big("-4294967296").asInt, -4_294_967_296)
        XCTAssertNil(big("9223372036854775808").asInt)
        XCTAssertNil(big("-9223372036854775809").asInt)
        XCTAssertNil(big("18446744073709551615").asInt)
        XCTAssertNil(big("100000000000000000000").asInt)
    }

    func testAsDoubleRoundsLikePython() {
        let table: [(String, Double)] = [
            ("0", 0),
            ("-7", -7),
            ("9007199254740993", 9007199254740992.0),
            ("9007199254740995", 9007199254740996.0),
            ("-9007199254740993", -9007199254740992.0),
            ("18446744073709553664", 1.8446744073709552e+19),
            ("18446744073709553665", 1.8446744073709556e+19),
            ("-18446744073709553665", -1.8446744073709556e+19),
            ("18446744073709551615", 1.8446744073709552e+19),
            ("515377520732011331036461129765621272702107522001", 5.153775207320113e+47),
            ("1000000000000000000000000000000", 1e+30),
            ("-1000000000000000000000000000000", -1e+30),
            ("12345678901234567890123456789", 1.2345678901234568e+28),
            ("179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368", 1.7976931348623157e+308),
            ("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791", 1.7976931348623157e+308),
        ]
        for (text, expected) in table {
            XCTAssertEqual(big(text).asDouble, expected, text)
        }
        // Python raises OverflowError here; asDouble gives infinity.
        let tooBig = big("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792")
        XCTAssertEqual(tooBig.asDouble, .infinity)
        XCTAssertEqual((-tooBig).asDouble, -.infinity)
    }

    func testExactlyDouble() {
        XCTAssertEqual(BigInteger(exactly: 0.0), BigInteger(0))
        XCTAssertEqual(BigInteger(exactly: -0.0)?.signum, 0)
        XCTAssertEqual(BigInteger(exactly: -12.0), BigInteger(-12))
        XCTAssertEqual(BigInteger(exactly: 1e30)?.description, "1000000000000000019884624838656")
        XCTAssertEqual(BigInteger(exactly: -9223372036854775808.0)?.asInt, Int.min)
        XCTAssertEqual(BigInteger(exactly: 9223372036854775808.0)?.description, "9223372036854775808")
        XCTAssertEqual(BigInteger(exactly: 18446744073709551616.0)?.description, "18446744073709551616")
        XCTAssertEqual(BigInteger(exactly: Double.greatestFiniteMagnitude)?.asDouble, Double.greatestFiniteMagnitude)
        XCTAssertNil(BigInteger(exactly: 0.5))
        XCTAssertNil(BigInteger(exactly: -1e-300))
        XCTAssertNil(BigInteger(exactly: .infinity))
        XCTAssertNil(BigInteger(exactly: .nan))
    }

    // MARK: Comparison and hashing

    func testComparison() {
        let ordered = ["-100000000000000000000", "-18446744073709551616", "-9223372036854775809", "-1", "0", "1",
                       "9223372036854775808", "18446744073709551615", "18446744073709551616", "100000000000000000000"]
            .map { big($0) }
        for i in ordered.indices {
            for j in ordered.indices {
                XCTAssertEqual(ordered[i] < ordered[j], i < j, "\(ordered[i]) < \(ordered[j])")
                XCTAssertEqual(ordered[i] == ordered[j], i == j)
            }
        }
        XCTAssertEqual(BigInteger(-3).signum, -1)
        XCTAssertEqual(BigInteger(3).signum, 1)
        XCTAssertTrue(BigInteger(0).isZero)
        XCTAssertFalse(BigInteger(-1).isZero)
    }

    func testEqualValuesHashEqually() {
        let a = BigInteger(2).power(70), b = big("1180591620717411303424")
        let c = big("1180591620717411303425") - BigInteger(1)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a, c)
        XCTAssertEqual(a?.hashValue, b.hashValue)
        XCTAssertEqual(b.hashValue, c.hashValue)
        XCTAssertEqual(big("-0").hashValue, BigInteger(0).hashValue)
        XCTAssertEqual((big("18446744073709551616") - big("18446744073709551615")).hashValue, BigInteger(1).hashValue)
        let set: Set<BigInteger> = [b, c, big("-1180591620717411303424"), BigInteger(0), big("-0")]
        XCTAssertEqual(set.count, 3)
    }
}
