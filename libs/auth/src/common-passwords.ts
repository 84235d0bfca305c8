// Passwords that appear at the top of public breach corpora (RockYou, SplashData's yearly lists, the 2011 CSDN
// leak) and their usual ≥12-character stretchings, lower-cased and space-separated. Short ones are kept too:
// the length rule stops them today, this list keeps stopping them if the minimum ever moves. It is a floor,
// not a dictionary attack: the point is to refuse what every cracking list tries first.
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football
monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman
1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster
soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars
klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass
maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew
access yankees 987654321 dallas austin thunder taylor matrix william corvette hello martin heather secret
merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick
internet scooter orange 11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken
sparky snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea smokey
steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers yellow
xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana junior hannah 123654
porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston
q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player nikita knight fender
barney midnight please brandy chicago badboy slayer rangers charles angel flower bigdaddy rabbit wizard jasper
enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn
fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden
8675309 welcome1 admin admin123 root passw0rd p@ssw0rd password1 password123 abc12345 qwerty123 iloveyou1
monkey123 woaini 5201314 woaini1314 woaini520 1314520 520520 a123456 aa123456 qq123456 123456a 123456aa
a123456789 abc123456 woaini123 iloveyou520 zhang123 wang123456 li123456 liu123456 chen123456 zhangwei huang123
7758521 7758258 147258369 159357 147258 321321 112233445566 woaini5201314 nihao123 nihao123456 asd123456
zxc123456 qwe123456 1qaz2wsx3edc 1q2w3e4r5t6y q1w2e3r4t5y6 zhongguo chinese china123 beijing shanghai123
aini1314 5201314520 1314521 wodemima mima123456 woshishui 123456789012 1234567890123 12345678901234
123456789123 123123123123 111111111111 000000000000 888888888888 666666666666 987654321987 qwertyuiop12
qwertyuiop123 qwertyuiopasdf qwertyuiopasdfgh asdfghjkl123 zxcvbnm12345 zxcvbnm123456 1qaz2wsx3edc4rfv
1q2w3e4r5t6y7u8i 1qaz2wsx3edc4r password1234 password12345 password123456 passwordpassword password1234567
p@ssw0rd1234 p@ssword1234 p@ssw0rd123! passw0rd1234 passw0rd123456 iloveyou1234 iloveyou12345 iloveyou123456
iloveyouforever abcdefghijkl abcdefg12345 abc123456789 abcd12345678 abcd1234abcd admin1234567 admin123456789
administrator administrator1 administrator123 welcome12345 welcome123456 welcome2024! welcome2025!
welcome2026! letmein12345 letmein123456 changeme1234 changeme123456 trustno1trustno1 qwerty123456
qwerty1234567 qwerty12345678 qwertyqwerty qwertyuiop1234 asdfasdfasdf asdfghjklqwe 1234qwerasdf
1234qwerasdfzxcv qwer1234asdf qweasdzxc123 qazwsxedcrfv qazwsxedc123 zaq12wsxcde3 zaq1zaq1zaq1 monkey123456
dragon123456 football1234 baseball1234 superman1234 starwars1234 sunshine1234 princess1234 whatever1234
computer1234 michael12345 jennifer1234 1234567890qw a1b2c3d4e5f6 aaaaaaaaaaaa abcabcabcabc abc123abc123
123abc123abc 147258369123 159357159357 123654789123 741852963741 963852741123 woaini123456 woaini1314520
woaini1314521 woaini520520 5201314woaini 1314520woaini wo5201314520 aini13145200 qq1234567890 qq123456789
zhang123456789 wang1234567890 huawei123456 xiaomi123456 tencent123456 alibaba123456 baidu1234567 weixin123456
taobao123456 china1234567 beijing123456 shanghai123456 zhongguo123456 mima12345678 mima123456789 caonima123456
gongzuo123456 zhengfu123456 creditchina123 xinyong123456 xinyongzhongguo password2024 password2025
password2026 password@123 password@1234 password!123 password#1234 spring2026!! summer2026!! autumn2026!!
winter2026!! january2026! changeit1234 secret123456 default12345 default123456 temp12345678 temppassword1
testtest1234 test12345678 test123456789 testing12345 guest1234567 user12345678 useruseruser root12345678
rootpassword1 toor12345678 master123456 master12345678 manager12345 manager123456 service12345 support12345
operator1234 letmeinplease opensesame123 ilovechina123 iloveyoubaby fuckyou12345 1qazxsw23edc 1qazxsw2
3edcvfr4 !qaz2wsx#edc !qaz@wsx3edc qaz123456789 q1w2e3r4t5y6u7 12qwaszx12qw 12qwaszxcv12 0987654321qw
poiuytrewq12 lkjhgfdsa123 mnbvcxz12345 1a2b3c4d5e6f 11223344556677 12341234123412 121212121212 131313131313
123451234512 112211221122 101010101010 202020202020 246813579000 135792468000 abcd1234!@#$ qwerty!@#$%^
1qaz!qaz1qaz passwordqwerty qwertypassword
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
