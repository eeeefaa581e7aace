package dev.herd.hub.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import us.springett.cvss.Cvss;

/** CVSS v2 and v3.0 environmental scores, against the specifications' examples and the v3.1 library results. */
class CvssEnvironmentalScoreTest {

    /** The three examples of the CVSS v2 guide, section 3.3. */
    @ParameterizedTest
    @CsvSource({
        "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H, 9.2",
        "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L, 9.0",
        "AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M, 7.5",
        "AV:N/AC:L/Au:N/C:C/I:C/A:C, 10.0",
    })
    void cvssV2GuideExamples(String vector, double environmental) {
        assertEquals(
                Optional.of(environmental),
                CvssEnvironmentalScore.v2(CvssVector.parse(vector).orElseThrow()));
    }

    /** With an unchanged (modified) scope, CVSS v3.0 and v3.1 compute the same environmental score. */
    @ParameterizedTest
    @CsvSource({
        "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C",
        "AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N/E:P/RL:T/RC:R/CR:H/IR:L/AR:M/MAV:A/MAC:L/MPR:H/MUI:N/MC:H/MI:N/MA:L",
        "AV:P/AC:H/PR:H/UI:R/S:C/C:N/I:N/A:L/MS:U/MC:H",
        "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N",
    })
    void cvssV30AgreesWithV31WhereTheirFormulasAgree(String metrics) {
        double v31 = Cvss.fromVector("CVSS:3.1/" + metrics).calculateScore().getEnvironmentalScore();

        assertEquals(
                Optional.of(v31),
                CvssEnvironmentalScore.v30(
                        CvssVector.parse("CVSS:3.0/" + metrics).orElseThrow()));
    }

    /** A changed scope uses the CVSS v3.0 formula (exponent 15), computed by hand: 8.6 where v3.1 gives 8.7. */
    @ParameterizedTest
    @CsvSource({"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:F/RL:O/RC:C/CR:H/MAV:L, 8.6"})
    void cvssV30ChangedScope(String vector, double environmental) {
        assertEquals(
                Optional.of(environmental),
                CvssEnvironmentalScore.v30(CvssVector.parse(vector).orElseThrow()));
    }
}
