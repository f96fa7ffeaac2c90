// chamber_unit_sandbox: runs a program under the seccomp rules a systemd unit would give it, so
// a test can run chamberd (and so its children) in chamberd.service's sandbox without systemd.
// The test works out the rules from the unit file; this only applies them. From the
// environment (removed before the program starts):
//   CHAMBER_SANDBOX_EXEC      the program; argv[1..] are its arguments
//   CHAMBER_SANDBOX_ALLOW     system call numbers allowed, comma-separated (SystemCallFilter=)
//   CHAMBER_SANDBOX_EPERM     1: others fail with EPERM (SystemCallErrorNumber=EPERM); else
//                             they kill the process, as systemd's default does
//   CHAMBER_SANDBOX_FAMILIES  address families socket() may create (RestrictAddressFamilies=)
//   CHAMBER_SANDBOX_MDWE      1: MemoryDenyWriteExecute=yes (systemd's rules: no mmap writable
//                             and executable, no mprotect/pkey_mprotect adding PROT_EXEC)
//   CHAMBER_SANDBOX_UID       run as this user and group (a unit's User=), when started as root
// x86-64 only: system call numbers are per architecture.
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <grp.h>
#include <string>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

namespace {

std::vector<unsigned> numbers(const char *variable)
{
    std::vector<unsigned> list;
    const char *text = std::getenv(variable);
    for (const char *p = text ? text : ""; *p;) {
        char *end = nullptr;
        list.push_back(unsigned(std::strtoul(p, &end, 10)));
        p = *end == ',' ? end + 1 : end;
        if (end == p && *p)
            break;
    }
    return list;
}

bool flag(const char *variable)
{
    const char *value = std::getenv(variable);
    return value && std::strcmp(value, "1") == 0;
}

constexpr unsigned argLow(int n)
{
    return unsigned(offsetof(seccomp_data, args) + 8 * size_t(n));
}

sock_filter load(unsigned offset)
{
    return BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offset);
}
sock_filter ret(unsigned value)
{
    return BPF_STMT(BPF_RET | BPF_K, value);
}
sock_filter jumpIfEqual(unsigned value, unsigned char ifTrue, unsigned char ifFalse)
{
    return BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, value, ifTrue, ifFalse);
}

} // namespace

int main([[maybe_unused]] int argc, char **argv)
{
    const char *program = std::getenv("CHAMBER_SANDBOX_EXEC");
    if (!program) {
        std::fprintf(stderr, "chamber_unit_sandbox: CHAMBER_SANDBOX_EXEC is not set\n");
        return 2;
    }
    const std::string path = program;
    const std::vector<unsigned> allowed = numbers("CHAMBER_SANDBOX_ALLOW");
    const std::vector<unsigned> families = numbers("CHAMBER_SANDBOX_FAMILIES");
    const bool eperm = flag("CHAMBER_SANDBOX_EPERM");
    const bool mdwe = flag("CHAMBER_SANDBOX_MDWE");
    const char *uid = std::getenv("CHAMBER_SANDBOX_UID");
    const long user = uid ? std::strtol(uid, nullptr, 10) : -1;
    for (const char *variable :
        {"CHAMBER_SANDBOX_EXEC", "CHAMBER_SANDBOX_ALLOW", "CHAMBER_SANDBOX_EPERM",
            "CHAMBER_SANDBOX_FAMILIES", "CHAMBER_SANDBOX_MDWE", "CHAMBER_SANDBOX_UID"})
        ::unsetenv(variable);
    if (user >= 0 && ::getuid() == 0
        && (::setgroups(0, nullptr) != 0 || ::setgid(gid_t(user)) != 0
            || ::setuid(uid_t(user)) != 0)) {
        std::perror("chamber_unit_sandbox: cannot change user");
        return 2;
    }

    const unsigned refused = SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA);
    std::vector<sock_filter> filter {load(offsetof(seccomp_data, arch)),
        jumpIfEqual(AUDIT_ARCH_X86_64, 1, 0), ret(SECCOMP_RET_KILL_PROCESS)};
    if (mdwe) {
        filter.insert(filter.end(),
            {load(offsetof(seccomp_data, nr)), jumpIfEqual(SYS_mmap, 0, 4), load(argLow(2)),
                BPF_STMT(BPF_ALU | BPF_AND | BPF_K, PROT_WRITE | PROT_EXEC),
                jumpIfEqual(PROT_WRITE | PROT_EXEC, 0, 1), ret(refused)});
        for (const unsigned call : {unsigned(SYS_mprotect), unsigned(SYS_pkey_mprotect)})
            filter.insert(filter.end(),
                {load(offsetof(seccomp_data, nr)), jumpIfEqual(call, 0, 3), load(argLow(2)),
                    BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, PROT_EXEC, 0, 1), ret(refused)});
    }
    if (!families.empty()) {
        // socket(family, ...): a family not listed gets EAFNOSUPPORT, as with systemd.
        filter.insert(filter.end(),
            {load(offsetof(seccomp_data, nr)),
                jumpIfEqual(SYS_socket, 0, (unsigned char)(families.size() + 2)), load(argLow(0))});
        for (size_t i = 0; i < families.size(); ++i)
            filter.push_back(jumpIfEqual(families[i], (unsigned char)(families.size() - i), 0));
        filter.push_back(ret(SECCOMP_RET_ERRNO | EAFNOSUPPORT));
    }
    filter.push_back(load(offsetof(seccomp_data, nr)));
    for (const unsigned call : allowed)
        filter.insert(filter.end(), {jumpIfEqual(call, 0, 1), ret(SECCOMP_RET_ALLOW)});
    filter.push_back(ret(eperm ? refused : SECCOMP_RET_KILL_PROCESS));

    const sock_fprog compiled {static_cast<unsigned short>(filter.size()), filter.data()};
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
        || ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &compiled) != 0) {
        std::perror("chamber_unit_sandbox: seccomp");
        return 2;
    }
    argv[0] = const_cast<char *>(path.c_str());
    ::execv(path.c_str(), argv);
    std::perror("chamber_unit_sandbox: exec");
    return 127;
}
