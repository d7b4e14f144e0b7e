"""The Kubernetes deployment of deploy/kubernetes/ (contract §11, docs/kubernetes.md).

Every YAML document there is validated as a Kubernetes object against the API's own
schemas for one Kubernetes version (kubernetes-validate ships them, so nothing is
fetched), in strict mode: an unknown or misspelt field fails, as does a missing
required one. Then the fields §11 asks for are checked as an operator would read the
manifests: a CronJob that never overlaps, an Indexed Job of N pods running
`run --shard auto/N --resume`, the config from the ConfigMap, every secret from a
Secret, output_dir on a ReadWriteMany volume, and a PostgreSQL store with no password
in its URL. Last, the ConfigMap's config passes `run --check` with exactly the
variables the pod gets from its Secrets.
"""
import copy
import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import kubernetes_validate
import pytest
import yaml

from conftest import BINARY, ROOT
from store_backends import PostgresStore

DEPLOY = ROOT / "deploy" / "kubernetes"
CONTAINERFILE = ROOT / "deploy" / "container" / "Containerfile"
# backoffLimitPerIndex and maxFailedIndexes are GA from Kubernetes 1.33 (beta, on by
# default, since 1.29); the validator's schemas for this version are in the package.
KUBERNETES_VERSION = "1.33.0"
CONFIG_PATH = "/etc/sms-report/config.yaml"
SECRET_NAME = re.compile(r".*_(TOKEN|PASSWORD)$")


def manifest_documents():
    """(path, object) for every YAML document under deploy/kubernetes/ but the
    kustomizations, which are kustomize's files rather than Kubernetes objects."""
    documents = []
    for path in sorted(DEPLOY.rglob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for document in yaml.safe_load_all(path.read_text()):
            if document is not None:
                documents.append((str(path.relative_to(DEPLOY)), document))
    return documents


def objects(kind, file_name=None):
    """The objects of KIND, in FILE_NAME (a path under deploy/kubernetes/) when given."""
    return [document for name, document in manifest_documents()
            if document["kind"] == kind and file_name in (None, name)]


def the_object(kind, file_name=None):
    found = objects(kind, file_name)
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def validate(document):
    kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


@pytest.fixture(scope="module")
def cronjob():
    return the_object("CronJob")


@pytest.fixture(scope="module")
def job(cronjob):
    return cronjob["spec"]["jobTemplate"]["spec"]


@pytest.fixture(scope="module")
def pod(job):
    return job["template"]["spec"]


@pytest.fixture(scope="module")
def container(pod):
    assert len(pod["containers"]) == 1
    return pod["containers"][0]


@pytest.fixture(scope="module")
def config(pod, container):
    """The config the pod reads: the ConfigMap's key mounted at CONFIG_PATH."""
    folder, file_name = CONFIG_PATH.rsplit("/", 1)
    mount = next(m for m in container["volumeMounts"] if m["mountPath"] == folder)
    volume = next(v for v in pod["volumes"] if v["name"] == mount["name"])
    assert "configMap" in volume, "the config must come from a ConfigMap"
    item = next(i for i in volume["configMap"]["items"] if i["path"] == file_name)
    config_map = next(c for c in objects("ConfigMap") if c["metadata"]["name"] == volume["configMap"]["name"])
    return yaml.safe_load(config_map["data"][item["key"]])


def shard_count(container):
    """N of `--shard auto/N` in the container's arguments."""
    arguments = container["args"]
    value = arguments[arguments.index("--shard") + 1]
    match = re.fullmatch(r"auto/(\d+)", value)
    assert match, f"--shard {value}: the pods must take K from JOB_COMPLETION_INDEX"
    return int(match.group(1))


def secret_keys(name):
    """The keys of the example Secret called NAME."""
    secret = next((s for s in objects("Secret", "secret.example.yaml") if s["metadata"]["name"] == name), None)
    assert secret is not None, f"no example of Secret {name} in secret.example.yaml"
    return set(secret.get("stringData", {})) | set(secret.get("data", {}))


def secret_variables(config):
    """The variables the config names as holding a token or a password."""
    names = {account["token_env"] for account in config["accounts"]}
    if "password_env" in config.get("smtp", {}):
        names.add(config["smtp"]["password_env"])
    names.add(config.get("store_password_env", "SMS_REPORT_STORE_PASSWORD"))
    return names


def pod_environment(container):
    """Each variable the pod gets, with placeholder values for those from Secrets."""
    environment = {}
    for source in container.get("envFrom", []):
        assert "secretRef" in source, "envFrom may only bring Secrets"
        for key in secret_keys(source["secretRef"]["name"]):
            environment[source.get("prefix", "") + key] = f"placeholder-{key}"
    for variable in container.get("env", []):
        environment[variable["name"]] = variable.get("value", f"placeholder-{variable['name']}")
    return environment


@pytest.mark.parametrize("file_name,document", manifest_documents(),
                         ids=lambda value: value if isinstance(value, str) else value["metadata"]["name"])
def test_every_manifest_is_a_valid_kubernetes_object(file_name, document):
    validate(document)


@pytest.mark.parametrize("break_it", [
    pytest.param(lambda c: c["spec"].__setitem__("concurencyPolicy", c["spec"].pop("concurrencyPolicy")),
                 id="misspelt-concurrencyPolicy"),
    pytest.param(lambda c: c["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["securityContext"]
                 .__setitem__("readOnlyRootFileSystem", True), id="misspelt-nested-field"),
    pytest.param(lambda c: c["spec"].pop("schedule"), id="missing-schedule"),
    pytest.param(lambda c: c["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0].pop("name"),
                 id="missing-container-name"),
    pytest.param(lambda c: c["spec"]["jobTemplate"]["spec"].__setitem__("completions", "four"), id="wrong-type"),
])
def test_the_validator_fails_a_broken_cronjob(cronjob, break_it):
    broken = copy.deepcopy(cronjob)
    break_it(broken)
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(broken)


@pytest.mark.parametrize("folder", [DEPLOY, DEPLOY / "store-migrate"], ids=["nightly", "store-migrate"])
def test_each_kustomization_applies_its_folder_but_the_secret_example(folder):
    kustomization = yaml.safe_load((folder / "kustomization.yaml").read_text())
    on_disk = {path.name for path in folder.glob("*.yaml")} - {"kustomization.yaml", "secret.example.yaml"}
    assert set(kustomization["resources"]) == on_disk
    assert kustomization["namespace"] == "sms-report"


def test_both_kustomizations_deploy_the_same_image():
    images = [yaml.safe_load((folder / "kustomization.yaml").read_text())["images"]
              for folder in (DEPLOY, DEPLOY / "store-migrate")]
    assert images[0] == images[1]


def test_the_image_is_the_debian_package_run_as_the_pods_user(pod, container):
    """The image the manifests name (deploy/container/Containerfile) installs the Debian
    package on bookworm-slim, whose binary is the pods' command, and runs as the pods'
    uid; `make package-test` proves the package itself in a clean bookworm root."""
    lines = [line.strip() for line in CONTAINERFILE.read_text().splitlines()]
    assert "FROM debian:bookworm-slim" in lines
    assert any(re.search(r"apt-get install .*/tmp/sms-report_\*\.deb", line) for line in lines)
    entrypoint = next(line.removeprefix("ENTRYPOINT ") for line in lines if line.startswith("ENTRYPOINT "))
    assert json.loads(entrypoint) == container["command"] == ["/usr/bin/sms-report"]
    user = next(line.removeprefix("USER ") for line in lines if line.startswith("USER "))
    uid, gid = map(int, user.split(":"))
    assert uid != 0
    assert (uid, gid) == (pod["securityContext"]["runAsUser"], pod["securityContext"]["runAsGroup"])
    assert any(f"--uid {uid} --gid {gid}" in line for line in lines), "the image makes the user with that uid"


def test_the_cronjob_runs_nightly_in_kathmandu_and_never_overlaps(cronjob):
    spec = cronjob["spec"]
    assert spec["concurrencyPolicy"] == "Forbid"
    assert spec["timeZone"] == "Asia/Kathmandu"
    minute, hour, *every_day = spec["schedule"].split()
    assert every_day == ["*", "*", "*"] and minute.isdigit() and hour.isdigit()
    assert spec["startingDeadlineSeconds"] > 0
    assert spec["successfulJobsHistoryLimit"] >= 1 and spec["failedJobsHistoryLimit"] >= 1


def test_the_job_is_indexed_with_one_pod_per_shard(job, pod, container):
    shards = shard_count(container)
    assert job["completionMode"] == "Indexed"
    assert job["completions"] == job["parallelism"] == shards
    assert job["backoffLimitPerIndex"] >= 1
    # A failed shard must not stop the others: the Job stops early only past this.
    assert job["maxFailedIndexes"] == shards
    assert job["activeDeadlineSeconds"] > 0
    assert pod["restartPolicy"] == "Never"
    # sms-report stops within 10 s of SIGTERM (issue 20); the pod must wait longer before SIGKILL.
    assert pod["terminationGracePeriodSeconds"] > 10


def test_the_pod_failure_policy_retries_only_what_a_retry_can_fix(job):
    rules = job["podFailurePolicy"]["rules"]
    failed_index = [rule for rule in rules if rule["action"] == "FailIndex"]
    assert failed_index, "exit codes a retry cannot fix should fail their shard at once"
    codes = {code for rule in failed_index for code in rule["onExitCodes"]["values"]}
    # 2 config/bad data, 3 incomplete (already emailed), 5 token refused: a retry would not
    # help or would email again; 1 (unexpected) and 4 (email failed) are retried.
    assert {2, 3, 5} <= codes and not codes & {0, 1, 4}
    assert all(rule["onExitCodes"]["containerName"] == "sms-report" for rule in failed_index)
    assert job["podReplacementPolicy"] == "Failed"  # the API requires it with podFailurePolicy


def test_the_pod_runs_the_config_sharded_and_resumed(container):
    # The binary itself is process 1: a shell in front would give it another id, and
    # the leftover cleanup could then take a living pod's staging folder for a dead one's.
    assert container["command"] == ["/usr/bin/sms-report"]
    arguments = container["args"]
    assert arguments[0] == "run"
    assert arguments[arguments.index("--config") + 1] == CONFIG_PATH
    assert "--resume" in arguments
    assert arguments[arguments.index("--log-format") + 1] == "json"


def test_every_secret_comes_from_a_secret_and_never_from_a_literal(config, container):
    needed = secret_variables(config)
    from_secret = set()
    for variable in container.get("env", []):
        name = variable["name"]
        if SECRET_NAME.match(name) or name in needed:
            assert "value" not in variable, f"{name} is a literal in the manifest"
            reference = variable["valueFrom"]["secretKeyRef"]
            assert reference["key"] in secret_keys(reference["name"])
            from_secret.add(name)
    for source in container.get("envFrom", []):
        assert set(source) == {"secretRef"}, "envFrom brings Secrets only, never a ConfigMap"
        from_secret |= {source.get("prefix", "") + key for key in secret_keys(source["secretRef"]["name"])}
    assert needed <= from_secret, f"not given to the pod from a Secret: {sorted(needed - from_secret)}"


def test_the_store_migrate_job_creates_the_schema_with_only_the_store_secret(config, tmp_path):
    """The one-off Job's command, with the variables its pod gets, run against a fresh
    database of the test PostgreSQL server standing in for the config's store."""
    job = the_object("Job", "store-migrate/job.yaml")["spec"]["template"]["spec"]["containers"][0]
    assert job["args"][:2] == ["store", "migrate"]
    assert job["args"][job["args"].index("--config") + 1] == CONFIG_PATH
    store = PostgresStore()
    try:
        config_file = tmp_path / "config.yaml"
        config_file.write_text(yaml.safe_dump(dict(config, store=store.location)))
        environment = {variable: store.password for variable in pod_environment(job)}
        assert set(environment) == {config.get("store_password_env", "SMS_REPORT_STORE_PASSWORD")}
        arguments = [str(config_file) if argument == CONFIG_PATH else argument for argument in job["args"]]
        result = subprocess.run([str(BINARY), *arguments], capture_output=True, text=True,
                                env=dict(environment, PATH=os.environ.get("PATH", "/usr/bin:/bin")))
        assert result.returncode == 0, result.stderr
        assert re.search(r"schema version \d+", result.stdout), result.stdout
        assert store.rows("SELECT count(*) FROM runs") == [("0",)]
    finally:
        store.close()


def test_the_secret_example_holds_only_placeholders():
    for secret in objects("Secret", "secret.example.yaml"):
        for key, value in secret["stringData"].items():
            assert value.startswith("REPLACE-ME"), f"{key} in secret.example.yaml looks like a real value"
    assert "DO NOT COMMIT REAL SECRETS" in (DEPLOY / "secret.example.yaml").read_text()


def test_output_dir_is_a_read_write_many_volume(config, pod, container):
    output_dir = config["output_dir"]
    assert output_dir.startswith("/")
    mount = next(m for m in container["volumeMounts"] if m["mountPath"] == output_dir)
    assert not mount.get("readOnly", False)
    volume = next(v for v in pod["volumes"] if v["name"] == mount["name"])
    claim_name = volume["persistentVolumeClaim"]["claimName"]
    claim = next(c for c in objects("PersistentVolumeClaim") if c["metadata"]["name"] == claim_name)
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]


def test_the_store_is_postgres_with_no_password_in_its_url(config):
    store = urlsplit(config["store"])
    assert store.scheme in ("postgres", "postgresql")
    assert store.username and store.hostname and store.path.strip("/")
    assert store.password is None and "@" not in store.username


def test_the_pod_runs_unprivileged_on_a_read_only_root(pod, container):
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] != 0
    assert pod["automountServiceAccountToken"] is False
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    writable = {m["mountPath"] for m in container["volumeMounts"] if not m.get("readOnly", False)}
    assert "/tmp" in writable


def test_resources_are_requested_and_limited(container):
    resources = container["resources"]
    for name in ("cpu", "memory"):
        assert name in resources["requests"] and name in resources["limits"]


def test_the_config_map_passes_run_check_with_the_pods_environment(config, container, tmp_path):
    """`run --check` reads the config and its variables offline, as the pod's first step
    would; the environment holds only PATH and what the pod gets from its Secrets."""
    config_file = tmp_path / "config.yaml"
    config_file.write_text(yaml.safe_dump(config))
    environment = dict(pod_environment(container), PATH=os.environ.get("PATH", "/usr/bin:/bin"))
    result = subprocess.run([str(BINARY), "run", "--config", str(config_file), "--check"],
                            capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr
    assert "2 accounts" in result.stdout
    for value in pod_environment(container).values():
        assert value not in result.stdout + result.stderr
