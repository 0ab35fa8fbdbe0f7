# Copied to the root of the tornado source copy by make_thirdparty.sh (suites/tornado.sh) before
# running its unittest suite under pytest: the one piece of set-up tornado's own runner
# (tornado/test/runtests.py main()) does that its tests rely on. Without it every test that
# serves a request fails on "Unexpected logs found" for the access log line.
import logging

logging.getLogger("tornado.access").setLevel(logging.CRITICAL)
