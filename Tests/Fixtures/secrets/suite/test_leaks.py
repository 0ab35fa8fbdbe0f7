"""A suite that leaks credentials the way real suites do: in `-l` locals, in assertion diffs, in
captured output, in JUnit failure text. Every credential here is fake but shaped like the real
thing (the issuer's prefix and length); none is named by a keyword like `token` or `password`, so
only their form can give them away. Run by scripts/make_secret_fixtures.sh."""
import base64
import hashlib
import uuid

GITHUB = "ghp_" + "R4nd0mL00k1ngGitHubT0kenValue0123456789"[:36]
GITHUB_PAT = "github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH"
GITLAB = "glpat-" + "Xy9Zk3Lm8Qw2Er5Ty7Ui"
SLACK = "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"
AWS = "AKIA" + "QWERTYUIOPASDFGH"
STRIPE = "sk_live_" + "51HxYzAbCdEfGhIjKlMnOpQrSt"
GOOGLE = "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"
NPM = "npm_" + "abcdefghijklmnopqrstuvwxyz0123456789"
PYPI = "pypi-" + "AgEIcHlwaS5vcmcCJGE4ZDY3YjM4LWFhY2YtNGFjMi1iNmQ0LWQ0YjZmZjA1YjY0ZgACKlsz"
BASIC = "Basic " + base64.b64encode(b"deploy:w0rkfl0w-s3cret").decode()
PEM = (
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDfakeFAKEfakeFAKE\n"
    "R4ndomB4se64BodyLinesOfAPrivateKeyThatMustNeverLeaveTheBuildMachine0\n"
    "-----END PRIVATE KEY-----\n"
)
RANDOM = "q8Zr4LmN2xYp7TvW3kJs9HbQ6cFd"

# Values that look technical but are not secrets: they must stay readable.
EXPECTED_UUID = "3f2b9c1e-8d4a-4f6b-9e2c-1a7b5d3c9e0f"
SHA256 = hashlib.sha256(b"payload").hexdigest()


class Client:
    def __init__(self, header):
        self.header = header

    def call(self):
        return {"status": 401, "sent": self.header}


def test_locals_leak_a_basic_credential():
    basic_header = BASIC
    auth = BASIC
    client = Client(basic_header)
    assert client.call()["status"] == 200


def test_locals_leak_tokens_of_every_issuer():
    pat = GITHUB_PAT
    gitlab = GITLAB
    slack = SLACK
    aws = AWS
    stripe = STRIPE
    google = GOOGLE
    npm = NPM
    pypi = PYPI
    blob = RANDOM
    expected_id = EXPECTED_UUID
    digest = SHA256
    assert (pat, gitlab, slack, aws) == ()


def test_assertion_diff_leaks_a_github_token():
    config = {"repo": "acme/shop", "value": GITHUB}
    assert config == {"repo": "acme/shop", "value": "***"}


def test_private_key_in_locals_and_output():
    pem = PEM
    print("loaded key:\n" + PEM)
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")


def test_passing_test_prints_a_slack_token():
    print("posting to slack with " + SLACK)
    print("request id " + EXPECTED_UUID + " checksum " + SHA256)
